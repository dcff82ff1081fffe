import { IdentityPatterns } from '@app/contracts';
import { RpcClient } from '@app/platform';
import { Mail, MailOutbox, MailWriter } from '@app/platform/service';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { Membership } from '../memberships/membership.entity';
import { factorOffNoticeMail } from './second-factor-disabled-mail';

export interface FactorOffNoticeRecord {
  userId: string;
  /** The companies told; only the admins of those that require the code are mailed. */
  companyIds: string[];
}

/**
 * The admins of the user's companies that require the code are mailed that
 * hers is off (factorOffNoticeMail), each reading her name as their company
 * typed it. Those that do not require it see it in their audit trail only.
 */
@Injectable()
export class FactorOffNoticeMail extends MailWriter<FactorOffNoticeRecord> {
  readonly kind = 'factor-off-notice';

  constructor(
    outbox: MailOutbox,
    private readonly rpc: RpcClient,
    private readonly em: EntityManager,
  ) {
    super(outbox);
  }

  about({ userId }: FactorOffNoticeRecord): string {
    return `the notice to the admins of user ${userId}'s companies that their second factor was turned off`;
  }

  async write({ userId, companyIds }: FactorOffNoticeRecord): Promise<Mail[]> {
    if (companyIds.length === 0) return [];
    const admins = await this.em.fork().find(
      Membership,
      { company: { id: { $in: companyIds }, requireTotp: true }, role: 'admin', userId: { $ne: userId } },
      { populate: ['company'], fields: ['userId', 'company.name'] },
    );
    if (admins.length === 0) return [];
    const typed = await this.em.fork().find(Membership, { company: { $in: companyIds }, userId }, { fields: ['company', 'invitedName'] });
    const users = new Map((await this.rpc.request(IdentityPatterns.findUsers, { userIds: [userId, ...admins.map((admin) => admin.userId)] })).map((found) => [found.id, found]));
    const user = users.get(userId);
    if (!user) return [];
    return admins.flatMap(({ userId: adminId, company }) => {
      const admin = users.get(adminId);
      const name = typed.find((membership) => membership.company.id === company.id)?.invitedName ?? user.name;
      return admin?.email ? [factorOffNoticeMail({ admin, client: { email: user.email, name }, companyName: company.name })] : [];
    });
  }
}
