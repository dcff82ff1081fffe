import { EntityManager } from '@mikro-orm/postgresql';
import { OnModuleInit } from '@nestjs/common';
import { Mail } from './mailer';
import { MailOutbox } from './mail-outbox';

/**
 * One kind of mail. Its notice (what the mail tells, as JSON) is recorded with
 * the change; `write` turns it into mails when the relay sends them, and may
 * ask other services then: a failure there is retried like a refusal of the
 * mail server. `kind` is stored with every notice: never rename a shipped one.
 */
export abstract class MailWriter<N> implements OnModuleInit {
  abstract readonly kind: string;

  constructor(protected readonly outbox: MailOutbox) {}

  onModuleInit(): void {
    this.outbox.register(this as MailWriter<unknown>);
  }

  /** In the transaction of the change; call `sendSoon` once it committed. */
  record(tx: EntityManager, notice: N): Promise<void> {
    return this.outbox.record(tx, this.kind, this.about(notice), notice);
  }

  sendSoon(): void {
    this.outbox.sendSoon();
  }

  /** What the mail is, for the logs: ids, never addresses nor links. */
  abstract about(notice: N): string;

  abstract write(notice: N): Promise<Mail | Mail[]>;
}
