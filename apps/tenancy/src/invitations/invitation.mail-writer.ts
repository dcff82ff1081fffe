import { Mail, MailOutbox, MailWriter } from '@app/platform/service';
import { Injectable } from '@nestjs/common';
import { Invitation, invitationMail } from './invitation-mail';

/** Written whole when recorded: everything it says is known to the change. Its links stay in clear until it is accepted, as in the mail. */
export interface InvitationRecord extends Invitation {
  userId: string;
  companyId: string;
}

@Injectable()
export class InvitationMail extends MailWriter<InvitationRecord> {
  readonly kind = 'invitation';

  constructor(outbox: MailOutbox) {
    super(outbox);
  }

  about({ userId, companyId }: InvitationRecord): string {
    return `the invitation of user ${userId} to company ${companyId}`;
  }

  async write(invitation: InvitationRecord): Promise<Mail> {
    return invitationMail(invitation);
  }
}
