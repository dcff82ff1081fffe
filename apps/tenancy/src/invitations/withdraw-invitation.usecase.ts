import { IdentityPatterns, Standing, TenancyEvents } from '@app/contracts';
import { RpcClient } from '@app/platform';
import { AnnouncementRelay } from '@app/platform/service';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
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
   * @returns where the user stood: `invited` (and now withdrawn), `member` (she answered: nothing changes), `none`.
   */
  async execute(companyId: string, userId: string): Promise<{ standing: Standing }> {
    const standing = await this.em.fork().transactional(async (tx): Promise<Standing> => {
      if ((await tx.nativeDelete(Invitation, { company: companyId, userId })) > 0) return 'invited';
      const membership = await tx.findOne(Membership, { company: companyId, userId }, { fields: ['id'], lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!membership) return 'none';
      if ((await this.rpc.request(IdentityPatterns.getUser, { userId })).active) return 'member';
      await tx.nativeDelete(AccountAccess, { membership: membership.id });
      await tx.nativeDelete(Membership, { id: membership.id });
      await this.announcements.record(tx, TenancyEvents.memberChanged, { userId });
      return 'invited';
    });
    this.announcements.sendSoon();
    return { standing };
  }
}
