import { randomUUID } from 'node:crypto';
import { MemberRole, TenancyEvents } from '@app/contracts';
import { AnnouncementRelay } from '@app/platform/service';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { AccountAccess } from './account-access.entity';
import { Membership } from './membership.entity';

export interface Grant {
  companyId: string;
  userId: string;
  role: MemberRole;
  /** Already checked to be accounts of the company. */
  accountIds: string[];
  /** The name the company typed (see Membership.invitedName). */
  invitedName?: string;
}

/** The one way a membership and its accounts are written: by AddMember and by AcceptInvitation. */
@Injectable()
export class MembershipGrants {
  constructor(private readonly announcements: AnnouncementRelay) {}

  /**
   * `on conflict do nothing` keeps a second call, or a racing one, from failing
   * or lowering the role: the unique (company, user) and the access primary key decide.
   * The operator's naming a member admin (the one way `admin` comes in) raises a
   * client: left a client, the admin he was to join could remove him.
   * Runs in the caller's transaction; the announcement commits with the grant,
   * as cached views must show the new portal and accounts. The caller then calls `sendSoon`.
   */
  async grant(tx: EntityManager, { companyId, userId, role, accountIds, invitedName }: Grant): Promise<void> {
    await tx
      .createQueryBuilder(Membership)
      .insert({ id: randomUUID(), company: companyId, userId, role, invitedName: invitedName ?? null, createdAt: new Date() })
      .onConflict(['company', 'userId'])
      .ignore();
    if (role === 'admin') await tx.nativeUpdate(Membership, { company: companyId, userId, role: 'client' }, { role });
    await this.announcements.record(tx, TenancyEvents.memberChanged, { userId });
    if (accountIds.length === 0) return;
    const membership = await tx.findOneOrFail(Membership, { company: companyId, userId }, { fields: ['id'] });
    await tx
      .createQueryBuilder(AccountAccess)
      .insert(accountIds.map((account) => ({ membership: membership.id, account })))
      .onConflict(['membership', 'account'])
      .ignore();
  }

  sendSoon(): void {
    this.announcements.sendSoon();
  }
}
