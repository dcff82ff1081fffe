import { IdentityPatterns } from '@app/contracts';
import { RpcClient } from '@app/platform';
import { Mail, MailOutbox, MailWriter } from '@app/platform/service';
import { Injectable } from '@nestjs/common';

/** A change of the user's own factors that they are told of: recorded with the change, in mfa's outbox. */
export interface FactorAlertNotice {
  userId: string;
  kind: 'totp_disabled' | 'recovery_codes_regenerated';
  /** When the change committed, ms. */
  at: number;
}

/**
 * The security alerts of mfa's changes. They are recorded in the change's
 * transaction, so that a process killed after the commit still sends them;
 * identity, which knows the user and keeps the "this wasn't me" links, writes
 * the mail when it is sent, as for every alert.
 */
@Injectable()
export class FactorAlertMail extends MailWriter<FactorAlertNotice> {
  readonly kind = 'factor-alert';

  constructor(
    outbox: MailOutbox,
    private readonly rpc: RpcClient,
  ) {
    super(outbox);
  }

  about({ userId, kind }: FactorAlertNotice): string {
    return `a ${kind} security alert to user ${userId}`;
  }

  async write(notice: FactorAlertNotice): Promise<Mail[]> {
    const mail = await this.rpc.request(IdentityPatterns.writeAlert, notice);
    return mail ? [mail] : [];
  }
}
