import { AuditAction, IdentityPatterns, ParsedRequestOf, Removal, TenancyEvents, TenancyPatterns } from '@app/contracts';
import { RpcClient } from '@app/platform';
import { AnnouncementRelay } from '@app/platform/service';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { AuditEntry } from '../audit/audit-entry.entity';
import { Company } from '../companies/company.entity';
import { HelpRequest } from '../help-requests/help-request.entity';
import { Invitation } from '../invitations/invitation.entity';
import { AccountAccess } from './account-access.entity';
import { Membership } from './membership.entity';

@Injectable()
export class RemoveMember {
  constructor(
    private readonly em: EntityManager,
    private readonly rpc: RpcClient,
    private readonly announcements: AnnouncementRelay,
  ) {}

  /**
   * A client who left the firm: her membership and its accounts go, and her
   * open "no access to the app" request with them (its admins could no longer
   * act on it). Her other companies know nothing of it.
   * Not for an admin: the operator names a company's admins, and a portal
   * must not lose its last one. Not for someone the company's list shows as
   * `invited` (ListMembers), a new email added before 2026-12-06 included:
   * her invitation is withdrawn instead (WithdrawInvitation), and the answer
   * is the same whether or not she has an account.
   */
  async execute({ companyId, userId, actorUserId }: ParsedRequestOf<typeof TenancyPatterns.removeMember>): Promise<{ removal: Removal }> {
    // Asked before the transaction, which holds no lock meanwhile, as WithdrawInvitation does.
    const [user] = await this.rpc.request(IdentityPatterns.findUsers, { userIds: [userId] });
    const removal = await this.em.fork().transactional(async (tx): Promise<Removal> => {
      if ((await tx.count(Invitation, { company: companyId, userId })) > 0) return 'invited';
      const membership = await tx.findOne(Membership, { company: companyId, userId }, { fields: ['id', 'role', 'invitedName'], lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!membership) return 'none';
      if (user?.active !== true) return 'invited';
      if (membership.role === 'admin') return 'admin';
      // Named in the trail, as a change of accounts names them: what she could open until now.
      const held = await tx.find(AccountAccess, { membership: membership.id }, { populate: ['account'] });
      const reason = held.map((access) => access.account.name).sort().join('; ') || null;
      await tx.nativeDelete(AccountAccess, { membership: membership.id });
      await tx.nativeDelete(Membership, { id: membership.id });
      await tx.nativeUpdate(HelpRequest, { company: companyId, userId, closedAt: null }, { closedAt: new Date(), closedBy: actorUserId });
      // Named as the company's list named her: once removed, the company holds no name of its own for her.
      const entry = { actorUserId, action: AuditAction.MemberRemoved, targetUserId: userId, reason, targetName: membership.invitedName ?? user.name };
      tx.persist(new AuditEntry(tx.getReference(Company, companyId), entry));
      await this.announcements.record(tx, TenancyEvents.memberLeft, { userId, companyId });
      return 'removed';
    });
    this.announcements.sendSoon();
    return { removal };
  }
}
