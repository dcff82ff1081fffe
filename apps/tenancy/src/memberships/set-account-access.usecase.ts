import { assertThat, ErrorCode, ParsedRequestOf, TenancyEvents, TenancyPatterns } from '@app/contracts';
import { AnnouncementRelay } from '@app/platform/service';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { Account } from '../accounts/account.entity';
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
  async execute({ companyId, userId, accountIds }: AccountAccessChange): Promise<void> {
    const wanted = [...new Set(accountIds)];
    await this.em.fork().transactional(async (tx) => {
      // Locked, so that two changes at once replace the set one after the other rather than collide.
      const membership = await tx.findOne(Membership, { company: companyId, userId }, { fields: ['id'], lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!membership) return this.replaceInvited(tx, { companyId, userId, accountIds: wanted });
      await assertOwned(tx, companyId, wanted);
      await tx.nativeDelete(AccountAccess, { membership: membership.id });
      if (wanted.length > 0) await tx.insertMany(AccountAccess, wanted.map((account) => ({ membership: membership.id, account })));
      await this.announcements.record(tx, TenancyEvents.memberChanged, { userId });
    });
    this.announcements.sendSoon();
  }

  /** The accounts an invited user will open on accepting; nothing reaches them before. */
  private async replaceInvited(tx: EntityManager, { companyId, userId, accountIds }: AccountAccessChange): Promise<void> {
    const invitation = await tx.findOne(
      Invitation,
      // Expired or not, as ListMembers lists it: only accepting checks the expiry.
      { company: companyId, userId },
      { fields: ['id'], lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    assertThat(invitation, ErrorCode.NotFound, 'No such member.');
    await assertOwned(tx, companyId, accountIds);
    await tx.nativeUpdate(Invitation, { id: invitation.id }, { accountIds });
  }
}

/** @throws DomainError validation_failed for an account of another company. */
async function assertOwned(tx: EntityManager, companyId: string, accountIds: string[]): Promise<void> {
  const owned = await tx.find(Account, { id: { $in: accountIds }, company: companyId }, { fields: ['id'] });
  const foreign = accountIds.find((id) => !owned.some((account) => account.id === id));
  assertThat(!foreign, ErrorCode.ValidationFailed, `Account ${foreign} does not belong to this company.`);
}
