import { IdentityPatterns, MemberSummary } from '@app/contracts';
import { RpcClient } from '@app/platform';
import { Mail, MailOutbox, MailWriter } from '@app/platform/service';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { Membership } from '../memberships/membership.entity';
import { helpRequestMail } from './help-request-mail';

export interface HelpRequestRecord {
  companyId: string;
  companyName: string;
  requestsUrl: string;
  clientId: string;
  /** Absent from the mails recorded before it was quoted. */
  message?: string | null;
}

/**
 * One mail per admin of the company, each in the admin's language (the admins
 * are those of the moment the mails are written), once the client confirmed the request.
 */
@Injectable()
export class HelpRequestMails extends MailWriter<HelpRequestRecord> {
  readonly kind = 'help-request';

  constructor(
    outbox: MailOutbox,
    private readonly em: EntityManager,
    private readonly rpc: RpcClient,
  ) {
    super(outbox);
  }

  about({ clientId, companyId }: HelpRequestRecord): string {
    return `the help request of user ${clientId} to the admins of company ${companyId}`;
  }

  async write({ companyId, companyName, requestsUrl, clientId, message }: HelpRequestRecord): Promise<Mail[]> {
    const admins = await this.em
      .fork()
      .find(Membership, { company: companyId, role: 'admin', userId: { $ne: clientId } }, { fields: ['userId'] });
    // Users rather than member summaries: each is written to in their own language.
    const userIds = [clientId, ...admins.map((admin) => admin.userId)];
    const users = await this.rpc.request(IdentityPatterns.findUsers, { userIds });
    const clientUser = users.find((user) => user.id === clientId);
    // Named to the admins as their company typed the client, never as another firm did (identity's name).
    const membership = await this.em.fork().findOne(Membership, { company: companyId, userId: clientId }, { fields: ['invitedName'] });
    const client: MemberSummary = { id: clientId, email: clientUser?.email ?? '', name: membership?.invitedName ?? clientUser?.name ?? '' };
    return users
      .filter((user) => user.id !== clientId && user.email)
      .map((admin) => helpRequestMail({ admin, client, companyName, requestsUrl, message: message ?? null }));
  }
}
