import { EntityManager } from '@mikro-orm/postgresql';
import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { requestContext } from '../observability/request-context';
import { OutboxPasses } from '../resilience/outbox-passes';
import { settledWithin } from '../resilience/settled-within';
import { Mail, Mailer } from './mailer';
import type { MailWriter } from './mail-writer';

/** Small: the rows of a batch stay locked while the mail server is waited for. */
const BATCH = 10;
/** At shutdown, the pass under way gets this long; what it did not finish stays recorded. */
const SHUTDOWN_GRACE_MS = 1000;

export interface RetrySettings {
  /** The pause after the first failure; each later one doubles, up to `maxDelayMs`. */
  firstDelayMs: number;
  maxDelayMs: number;
  /** A mail still refused this long after its change is dropped with an error line: its links have expired. */
  giveUpAfterMs: number;
}

const DEFAULT_RETRIES: RetrySettings = { firstDelayMs: 1000, maxDelayMs: 5 * 60_000, giveUpAfterMs: 24 * 3_600_000 };

interface RecordedMail {
  id: string;
  kind: string;
  about: string;
  notice: unknown;
  delivered: number[];
  attempts: number;
  created_at: Date;
}

/**
 * A service's mails, in its own `<schema>.mails` table: a writer records the
 * notice in the transaction of the change it tells of, so that both commit or
 * neither; the relay writes the mails (looking up recipients then, so that a
 * change never waits on another service) and sends them after the commit, and
 * every second those due for a retry or left by a process that died. A row
 * stays locked while it is sent, so another replica skips it, and is deleted
 * once the SMTP server accepted every mail of it: a process killed before that
 * leaves it for the next pass. Its id, in each mail's Message-ID, is the same
 * on every attempt.
 */
export class MailOutbox implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('mail');
  private readonly writers = new Map<string, MailWriter<unknown>>();
  private readonly retries: RetrySettings;
  private readonly passes = new OutboxPasses(async () => (await this.sendBatch()) === BATCH, {
    // Postgres away: the rows wait where they are.
    failed: (error, first) => {
      if (first) this.logger.warn(`Mails kept for a later try: ${(error as Error).message}`);
    },
    over: () => this.logger.log('Mails are sent again'),
  });

  constructor(
    private readonly em: EntityManager,
    private readonly mailer: Mailer,
    private readonly schema: string,
    retries: Partial<RetrySettings> = {},
  ) {
    this.retries = { ...DEFAULT_RETRIES, ...retries };
  }

  /** Called by each writer as the module starts, before the first pass. */
  register(writer: MailWriter<unknown>): void {
    this.writers.set(writer.kind, writer);
  }

  /** In the transaction `tx` of the change; call sendSoon once it committed. */
  async record(tx: EntityManager, kind: string, about: string, notice: unknown): Promise<void> {
    if (!this.writers.has(kind)) throw new Error(`No writer of ${kind} mails in this service`);
    await tx.execute(`insert into "${this.schema}".mails (kind, about, notice) values (?, ?, ?::jsonb)`, [kind, about, JSON.stringify(notice)]);
  }

  onApplicationBootstrap(): void {
    this.passes.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await settledWithin(this.passes.stop(), SHUTDOWN_GRACE_MS);
    this.mailer.onApplicationShutdown();
  }

  /** After the commit of a change that recorded mails; also every second, for retries come due and those a process left behind. */
  sendSoon(): void {
    this.passes.soon();
  }

  private async sendBatch(): Promise<number> {
    const kinds = [...this.writers.keys()];
    if (kinds.length === 0) return 0;
    return this.em.fork().transactional(async (tx) => {
      const due = await tx.execute<RecordedMail[]>(
        `select id, kind, about, notice, delivered, attempts, created_at from "${this.schema}".mails
         where next_attempt_at <= now() and kind in (${kinds.map(() => '?').join(', ')})
         order by id limit ${BATCH} for update skip locked`,
        kinds,
      );
      for (const row of due) {
        // A mail server that failed one mail would most likely fail the next, each after its timeout:
        // the others wait for the next pass, unlocked, rather than hold their locks that long.
        if (this.passes.stopping || !(await this.deliver(tx, row))) return 0;
      }
      return due.length;
    });
  }

  /** False when it failed, and was put off. */
  private async deliver(tx: EntityManager, row: RecordedMail): Promise<boolean> {
    const delivered = [...row.delivered];
    try {
      // What the writer asks other services is logged there under this mail's name, not a request's.
      const scope = { requestId: `mail-${this.schema}-${row.id}` };
      const mails: Mail[] = [await requestContext.run(scope, () => this.writers.get(row.kind)!.write(row.notice))].flat();
      for (const [index, mail] of mails.entries()) {
        if (delivered.includes(index)) continue;
        await this.mailer.send(mail, this.messageId(row, index));
        delivered.push(index);
      }
      await tx.execute(`delete from "${this.schema}".mails where id = ?`, [row.id]);
      return true;
    } catch (error) {
      await this.retryLater(tx, row, delivered, error as Error);
      return false;
    }
  }

  private async retryLater(tx: EntityManager, row: RecordedMail, delivered: number[], error: Error): Promise<void> {
    if (Date.now() - new Date(row.created_at).getTime() > this.retries.giveUpAfterMs) {
      this.logger.error(`Gave up mailing ${row.about} after ${row.attempts + 1} attempts: ${error.message}`);
      await tx.execute(`delete from "${this.schema}".mails where id = ?`, [row.id]);
      return;
    }
    const delayMs = Math.min(this.retries.firstDelayMs * 2 ** row.attempts, this.retries.maxDelayMs);
    this.logger.warn(`Mailing ${row.about} failed (attempt ${row.attempts + 1}), tried again in ${delayMs} ms: ${error.message}`);
    await tx.execute(
      `update "${this.schema}".mails set attempts = attempts + 1, delivered = ?::int[],
         next_attempt_at = now() + make_interval(secs => ?) where id = ?`,
      [`{${delivered.join(',')}}`, delayMs / 1000, row.id],
    );
  }

  /** With the time: ids may come again after a restore of the database. */
  private messageId(row: RecordedMail, index: number): string {
    return `<${this.schema}.${row.id}.${index}.${new Date(row.created_at).getTime()}@${this.mailer.domain}>`;
  }
}
