import { AuditAction, IdentityPatterns, ParsedRequestOf, TenancyEvents, TenancyPatterns, Withdrawal } from '@app/contracts';
import { RpcClient } from '@app/platform';
import { AnnouncementRelay } from '@app/platform/service';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { AuditEntry } from '../audit/audit-entry.entity';
import { Company } from '../companies/company.entity';
import { AccountAccess } from '../memberships/account-access.entity';
import { Membership } from '../memberships/membership.entity';
import { Invitation } from './invitation.entity';

@Injectable()
export class WithdrawInvitation {
  constructor(
    private readonly em: EntityManager,
    private readonly rpc: RpcClient,
    private readonly announcements: AnnouncementRelay,
  ) {}

  /**
   * The company takes back its invitation of the user before she answers (a
   * mistyped address, a client who left): its acceptance link, her joining
   * after Google and a newcomer's activation through its link then join
   * nothing. An invitation has no deadline through Google or an activation
   * (Standings), so this is how a company ends one. Everyone the company's
   * list shows as `invited` is withdrawn alike (ListMembers): also a new email
   * added before 2026-12-06, which was made a member at once and has not
   * activated; else the answer would tell who already had an account.
   * Not an admin's invitation: the operator names a company's admins, and one
   * admin must not stay the only one by dropping the next.
   * @returns where the user stood: `invited` (and now withdrawn), `admin` (invited as one: nothing changes), `member` (she answered: nothing changes), `none`.
   */
  async execute({ companyId, userId, actorUserId }: ParsedRequestOf<typeof TenancyPatterns.withdrawInvitation>): Promise<{ standing: Withdrawal }> {
    // Asked before the transaction, which holds no lock meanwhile, and whichever the person's row: a lookup made for a
    // legacy membership alone would tell by its time who had an account. One who activates in between is withdrawn all
    // the same, as the admin asked.
    const [user] = await this.rpc.request(IdentityPatterns.findUsers, { userIds: [userId] });
    const standing = await this.em.fork().transactional(async (tx): Promise<Withdrawal> => {
      const withdrawn = (await this.withdrawnInvitation(tx, companyId, userId)) ?? (await this.withdrawnMembership(tx, companyId, userId, user?.active === true));
      if (typeof withdrawn === 'string') return withdrawn;
      // Named as the company typed her: once withdrawn, it holds no name of its own for her (MemberSummaries would read identity's).
      // A membership from before names were kept has none: left blank rather than read from identity.
      const targetName = withdrawn.invitedName ?? '';
      const entry = { actorUserId, action: AuditAction.InvitationWithdrawn, targetUserId: userId, reason: null, targetName };
      tx.persist(new AuditEntry(tx.getReference(Company, companyId), entry));
      // Her cached views drop what they held of this company, whichever row it was.
      await this.announcements.record(tx, TenancyEvents.memberChanged, { userId });
      return 'invited';
    });
    this.announcements.sendSoon();
    return { standing };
  }

  /** @returns the name of the invitation deleted, or null when there was none. */
  private async withdrawnInvitation(tx: EntityManager, companyId: string, userId: string): Promise<{ invitedName: string | null } | 'admin' | null> {
    const invitation = await tx.findOne(Invitation, { company: companyId, userId }, { fields: ['id', 'invitedName', 'role'], lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!invitation) return null;
    if (invitation.role === 'admin') return 'admin';
    await tx.nativeDelete(Invitation, { id: invitation.id });
    return { invitedName: invitation.invitedName };
  }

  /** A membership made before 2026-12-06 for a new email that never activated: withdrawn as an invitation. */
  private async withdrawnMembership(
    tx: EntityManager,
    companyId: string,
    userId: string,
    active: boolean,
  ): Promise<{ invitedName: string | null } | Withdrawal> {
    const membership = await tx.findOne(Membership, { company: companyId, userId }, { fields: ['id', 'invitedName', 'role'], lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!membership) return 'none';
    if (active) return 'member';
    if (membership.role === 'admin') return 'admin';
    await tx.nativeDelete(AccountAccess, { membership: membership.id });
    await tx.nativeDelete(Membership, { id: membership.id });
    return { invitedName: membership.invitedName };
  }
}
