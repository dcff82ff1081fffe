import { IdentityPatterns } from '@app/contracts';
import { RpcClient } from '@app/platform';
import { Mail, MailOutbox, MailWriter } from '@app/platform/service';
import { Injectable } from '@nestjs/common';
import { helpRequestConfirmationMail } from './help-request-mail';

export interface HelpRequestConfirmationRecord {
  userId: string;
  companyName: string;
  /** The link that confirms the request: its token is in this notice and the mail only. */
  confirmUrl: string;
  /** The request's message, quoted so that the user sees what they confirm. */
  message: string | null;
}

/** To the user, in their language: the request reaches the company's admins once they follow the link. */
@Injectable()
export class HelpRequestConfirmationMail extends MailWriter<HelpRequestConfirmationRecord> {
  readonly kind = 'help-request-confirmation';

  constructor(
    outbox: MailOutbox,
    private readonly rpc: RpcClient,
  ) {
    super(outbox);
  }

  about({ userId, companyName }: HelpRequestConfirmationRecord): string {
    return `the confirmation of the help request of user ${userId} to ${companyName}`;
  }

  async write({ userId, companyName, confirmUrl, message }: HelpRequestConfirmationRecord): Promise<Mail[]> {
    const [user] = await this.rpc.request(IdentityPatterns.findUsers, { userIds: [userId] });
    return user?.email ? [helpRequestConfirmationMail(user, { companyName, confirmUrl, message })] : [];
  }
}
