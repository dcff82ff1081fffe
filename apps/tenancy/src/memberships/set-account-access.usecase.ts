import { assertThat, ErrorCode, ParsedRequestOf, TenancyEvents, TenancyPatterns } from '@app/contracts';
import { AnnouncementRelay } from '@app/platform/service';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { Account } from '../accounts/account.entity';
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
   * Replaces the accounts a member may open, in one transaction; idempotent.
   * The announcement commits with the change, so that cached views drop the
   * accounts taken away even if this process dies right after.
   * @throws DomainError `not_found` when the user is no member of the company,
   * `validation_failed` for an account of another company (then nothing changes).
   */
  async execute({ companyId, userId, accountIds }: AccountAccessChange): Promise<void> {
    const wanted = [...new Set(accountIds)];
    await this.em.fork().transactional(async (tx) => {
      // Locked, so that two changes at once replace the set one after the other rather than collide.
      const membership = await tx.findOne(Membership, { company: companyId, userId }, { fields: ['id'], lockMode: LockMode.PESSIMISTIC_WRITE });
      assertThat(membership, ErrorCode.NotFound, 'No such member.');
      const owned = await tx.find(Account, { id: { $in: wanted }, company: companyId }, { fields: ['id'] });
      const foreign = wanted.find((id) => !owned.some((account) => account.id === id));
      assertThat(!foreign, ErrorCode.ValidationFailed, `Account ${foreign} does not belong to this company.`);
      await tx.nativeDelete(AccountAccess, { membership: membership.id });
      if (wanted.length > 0) await tx.insertMany(AccountAccess, wanted.map((account) => ({ membership: membership.id, account })));
      await this.announcements.record(tx, TenancyEvents.memberChanged, { userId });
    });
    this.announcements.sendSoon();
  }
}
