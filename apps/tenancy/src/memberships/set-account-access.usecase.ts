import { assertThat, AuditAction, ErrorCode, ParsedRequestOf, TenancyEvents, TenancyPatterns } from '@app/contracts';
import { AnnouncementRelay } from '@app/platform/service';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { Account } from '../accounts/account.entity';
import { AuditEntry } from '../audit/audit-entry.entity';
import { Company } from '../companies/company.entity';
import { Invitation } from '../invitations/invitation.entity';
import { AccountAccess } from './account-access.entity';
import { Membership } from './membership.entity';

export type AccountAccessChange = ParsedRequestOf<typeof TenancyPatterns.setAccountAccess>;

@Injectable()
export class SetAccountAccess {
  constructor(
    private readonly em: EntityManager,
    private readonly announcements: AnnouncementRelay,
  ) {}

  /**
   * Replaces the accounts a member may open, or an invited user will open on
   * accepting, in one transaction; idempotent. Both are answered alike: which
   * of the two a person is tells whether their email already had an account
   * (ListMembers). The announcement commits with the change, so that cached
   * views drop the accounts taken away even if this process dies right after.
   * @throws DomainError `not_found` when the user is neither a member of the
   * company nor invited to it, `validation_failed` for an account of another
   * company (then nothing changes).
   */
  async execute({ companyId, userId, accountIds, actorUserId }: AccountAccessChange): Promise<void> {
    const wanted = [...new Set(accountIds)];
    await this.em.fork().transactional(async (tx) => {
      // Locked, so that two changes at once replace the set one after the other rather than collide.
      const membership = await tx.findOne(Membership, { company: companyId, userId }, { fields: ['id', 'invitedName'], lockMode: LockMode.PESSIMISTIC_WRITE });
      const { names, targetName } = membership
        ? { names: await namesOfOwned(tx, companyId, wanted), targetName: membership.invitedName }
        : await this.replaceInvited(tx, { companyId, userId, accountIds: wanted, actorUserId });
      if (membership) {
        await tx.nativeDelete(AccountAccess, { membership: membership.id });
        if (wanted.length > 0) await tx.insertMany(AccountAccess, wanted.map((account) => ({ membership: membership.id, account })));
        await this.announcements.record(tx, TenancyEvents.memberChanged, { userId });
      }
      // Kept in the company's trail, so that its other admins see who opened what to whom.
      const reason = names.join('; ') || null;
      const entry = { actorUserId, action: AuditAction.AccountsChanged, targetUserId: userId, reason, targetName };
      tx.persist(new AuditEntry(tx.getReference(Company, companyId), entry));
    });
    this.announcements.sendSoon();
  }

  /**
   * The accounts an invited user will open on accepting; nothing reaches them before.
   * @returns their names, and hers as the company typed it (the trail keeps it: the invitation may be withdrawn).
   */
  private async replaceInvited(
    tx: EntityManager,
    { companyId, userId, accountIds }: AccountAccessChange,
  ): Promise<{ names: string[]; targetName: string | null }> {
    const invitation = await tx.findOne(
      Invitation,
      // Expired or not, as ListMembers lists it: only accepting checks the expiry.
      { company: companyId, userId },
      { fields: ['id', 'invitedName'], lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    assertThat(invitation, ErrorCode.NotFound, 'No such member.');
    const names = await namesOfOwned(tx, companyId, accountIds);
    await tx.nativeUpdate(Invitation, { id: invitation.id }, { accountIds });
    return { names, targetName: invitation.invitedName };
  }
}

/** @returns the accounts' names, in the order given. @throws DomainError validation_failed for an account of another company. */
async function namesOfOwned(tx: EntityManager, companyId: string, accountIds: string[]): Promise<string[]> {
  const owned = await tx.find(Account, { id: { $in: accountIds }, company: companyId }, { fields: ['id', 'name'] });
  return accountIds.map((id) => {
    const account = owned.find((candidate) => candidate.id === id);
    assertThat(account, ErrorCode.ValidationFailed, `Account ${id} does not belong to this company.`);
    return account.name;
  });
}
