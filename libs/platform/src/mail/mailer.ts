import { OnApplicationShutdown } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import SMTPTransport from 'nodemailer/lib/smtp-transport';

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

/** nodemailer's waits for DNS, the TCP connection and the greeting; twice this of silence on the socket. */
const TIMEOUT_MS = 5_000;

/**
 * Hands one mail at a time to the configured SMTP server. Retries belong to
 * the MailOutbox, which keeps each mail in the database until it was accepted.
 */
export class Mailer implements OnApplicationShutdown {
  private readonly transport: Transporter;

  constructor(smtpUrl: string, private readonly from: string, timeoutMs = TIMEOUT_MS) {
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
   * Resolves once the SMTP server accepted the mail. `messageId` stays the
   * same on every attempt, so a server (or a reader) can tell a repeat.
   * @throws the transport's error when the server refused it or did not answer.
   */
  async send(mail: Mail, messageId: string): Promise<void> {
    await this.transport.sendMail({ from: this.from, ...mail, to: structured(mail.to), messageId });
  }

  /** The domain of the sender, for message ids. */
  get domain(): string {
    return /@([^>\s]+)>?\s*$/.exec(this.from)?.[1] ?? 'portal.localhost';
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}

function structured(to: Recipient): { name: string; address: string } {
  return typeof to === 'string' ? { name: '', address: to } : to;
}
