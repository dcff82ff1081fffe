import { Mailer } from '@app/common';
import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Invitation, invitationMail } from './invitation-mail';

@Injectable()
export class InvitationMailer implements OnApplicationShutdown {
  constructor(private readonly mailer: Mailer) {}

  send(invitation: Invitation): Promise<void> {
    return this.mailer.send(invitationMail(invitation));
  }

  onApplicationShutdown(): void {
    this.mailer.close();
  }
}
