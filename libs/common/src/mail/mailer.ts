import { setTimeout as sleep } from 'node:timers/promises';
import { Logger, OnApplicationShutdown } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import SMTPTransport from 'nodemailer/lib/smtp-transport';
import { settledWithin } from '../resilience/settled-within';

/**
 * One recipient, handed to nodemailer as a structured address: a name or an
 * address is never parsed as a header, so nothing in them can add a recipient.
 * A bare string is the address alone.
 */
export type Recipient = string | { name: string; address: string };

export interface Mail {
  to: Recipient;
  subject: string;
  text: string;
}

/** The mails of one notice, or how to write them once the write is done (looking up the recipient, say). */
export type MailSource = Mail | Mail[] | (() => Promise<Mail | Mail[]>);

export interface DeliverySettings {
  /** The pause before each new attempt; there are as many retries as pauses. */
  retryDelaysMs: number[];
  /** nodemailer's waits for DNS, the TCP connection and the greeting; twice this of silence on the socket. */
  timeoutMs: number;
}

/** About half a minute of retries: a mail server restarting is back by then, a reset link still fresh. */
const DEFAULT_DELIVERY: DeliverySettings = { retryDelaysMs: [1_000, 5_000, 25_000], timeoutMs: 5_000 };

/** At shutdown, a mail being handed over gets this long: the process must stop within its deadline. */
const SHUTDOWN_GRACE_MS = 1_000;

/**
 * Sends mail through the configured SMTP server, in the background. Mail
 * never holds up an answer nor fails it: the write it tells of has happened.
 */
export class Mailer implements OnApplicationShutdown {
  private readonly logger = new Logger(Mailer.name);
  private readonly transport: Transporter;
  private readonly settings: DeliverySettings;
  private readonly deliveries = new Set<Promise<void>>();
  private readonly stopping = new AbortController();

  constructor(smtpUrl: string, private readonly from: string, settings: Partial<DeliverySettings> = {}) {
    this.settings = { ...DEFAULT_DELIVERY, ...settings };
    const { timeoutMs } = this.settings;
    // nodemailer would wait minutes for a silent server. Settings in the URL's query string win over these.
    const options: SMTPTransport.Options = {
      url: smtpUrl,
      dnsTimeout: timeoutMs,
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: 2 * timeoutMs,
    };
    this.transport = createTransport(new SMTPTransport(options));
  }

  /**
   * Returns at once; call it once the write the mail tells of is committed.
   * Writing the mails (`source`) and sending each are tried again after each
   * pause of `retryDelaysMs`; giving up logs one error line naming `what`.
   * Mails live in memory only: a process that stops drops those awaiting a
   * retry, with the same line.
   */
  sendLater(what: string, source: MailSource): void {
    const delivery = this.deliver(what, source).finally(() => this.deliveries.delete(delivery));
    this.deliveries.add(delivery);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    await settledWithin(Promise.all(this.deliveries), SHUTDOWN_GRACE_MS);
    this.transport.close();
  }

  private async deliver(what: string, source: MailSource): Promise<void> {
    let mails: Mail[];
    try {
      mails = await this.retried(async () => [typeof source === 'function' ? await source() : source].flat());
    } catch (error) {
      this.logger.error(`Gave up mailing ${what}: could not write it, ${reasonOf(error)}`);
      return;
    }
    const sent = await Promise.allSettled(mails.map((mail) => this.retried(() => this.transport.sendMail({ from: this.from, ...mail, to: structured(mail.to) }))));
    const failures = sent.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failures.length > 0) {
      this.logger.error(`Gave up mailing ${what} (${failures.length} of ${mails.length} mails): ${reasonOf(failures[0].reason)}`);
    }
  }

  private async retried<T>(attempt: () => Promise<T>): Promise<T> {
    for (let retry = 0; ; retry += 1) {
      try {
        return await attempt();
      } catch (error) {
        const pauseMs = this.settings.retryDelaysMs[retry];
        const failure = new Error(`${retry + 1} attempts failed, the last with: ${reasonOf(error)}`);
        if (pauseMs === undefined) throw failure;
        const stoppedBeforeRetry = new Error(`the process stopped before a retry; ${failure.message}`);
        // Stopped while this attempt was under way, or during the pause: the same reason to give up.
        if (this.stopping.signal.aborted) throw stoppedBeforeRetry;
        await sleep(pauseMs, undefined, { signal: this.stopping.signal, ref: false }).catch(() => {
          throw stoppedBeforeRetry;
        });
      }
    }
  }
}

function structured(to: Recipient): { name: string; address: string } {
  return typeof to === 'string' ? { name: '', address: to } : to;
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
