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
      const change = membership
        ? await this.replaceGranted(tx, { companyId, userId, membership }, wanted)
        : await this.replaceInvited(tx, companyId, userId, wanted);
      // Kept in the company's trail, so that its other admins see who opened what to whom. A change that changes nothing
      // (a retry, or the same set again) writes none: repeated, it would push the others out of the trail's latest entries.
      if (!change.changed) return;
      const entry = { actorUserId, action: AuditAction.AccountsChanged, targetUserId: userId, reason: change.names.join('; ') || null, targetName: change.targetName };
      tx.persist(new AuditEntry(tx.getReference(Company, companyId), entry));
    });
    this.announcements.sendSoon();
  }

  private async replaceGranted(
    tx: EntityManager,
    { companyId, userId, membership }: { companyId: string; userId: string; membership: Pick<Membership, 'id' | 'invitedName'> },
    wanted: string[],
  ): Promise<AccessChange> {
    const names = await namesOfOwned(tx, companyId, wanted);
    const held = await tx.find(AccountAccess, { membership: membership.id });
    if (sameSet(held.map((access) => access.account.id), wanted)) return { names, targetName: membership.invitedName, changed: false };
    await tx.nativeDelete(AccountAccess, { membership: membership.id });
    if (wanted.length > 0) await tx.insertMany(AccountAccess, wanted.map((account) => ({ membership: membership.id, account })));
    await this.announcements.record(tx, TenancyEvents.memberChanged, { userId });
    return { names, targetName: membership.invitedName, changed: true };
  }

  /** The accounts an invited user will open on accepting; nothing reaches them before. */
  private async replaceInvited(tx: EntityManager, companyId: string, userId: string, wanted: string[]): Promise<AccessChange> {
    const invitation = await tx.findOne(
      Invitation,
      // Expired or not, as ListMembers lists it: only accepting checks the expiry.
      { company: companyId, userId },
      { fields: ['id', 'invitedName', 'accountIds'], lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    assertThat(invitation, ErrorCode.NotFound, 'No such member.');
    const names = await namesOfOwned(tx, companyId, wanted);
    if (sameSet(invitation.accountIds, wanted)) return { names, targetName: invitation.invitedName, changed: false };
    await tx.nativeUpdate(Invitation, { id: invitation.id }, { accountIds: wanted });
    return { names, targetName: invitation.invitedName, changed: true };
  }
}

/** What a change of accounts did: the accounts' names, and the person's as the company typed it (the trail keeps it: an invitation may be withdrawn). */
interface AccessChange {
  names: string[];
  targetName: string | null;
  changed: boolean;
}

const sameSet = (held: string[], wanted: string[]): boolean => held.length === wanted.length && held.every((id) => wanted.includes(id));

/** @returns the accounts' names, in the order given. @throws DomainError validation_failed for an account of another company. */
async function namesOfOwned(tx: EntityManager, companyId: string, accountIds: string[]): Promise<string[]> {
  const owned = await tx.find(Account, { id: { $in: accountIds }, company: companyId }, { fields: ['id', 'name'] });
  return accountIds.map((id) => {
    const account = owned.find((candidate) => candidate.id === id);
    assertThat(account, ErrorCode.ValidationFailed, `Account ${id} does not belong to this company.`);
    return account.name;
  });
}
