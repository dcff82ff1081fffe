import { Standing } from '@app/contracts';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { Standings } from '../memberships/standings';
import { Invitation } from './invitation.entity';

@Injectable()
export class WithdrawInvitation {
  constructor(
    private readonly em: EntityManager,
    private readonly standings: Standings,
  ) {}

  /**
   * The company takes back its invitation of the user before she answers (a
   * mistyped address, a client who left): its acceptance link, her joining
   * after Google and a newcomer's activation through its link then join
   * nothing. An invitation has no deadline through Google or an activation
   * (Standings), so this is how a company ends one.
   * @returns where the user stood: `invited` (and now withdrawn), `member` (she answered: nothing changes), `none`.
   */
  async execute(companyId: string, userId: string): Promise<{ standing: Standing }> {
    const withdrawn = await this.em.fork().nativeDelete(Invitation, { company: companyId, userId });
    return { standing: withdrawn > 0 ? 'invited' : await this.standings.of(userId, companyId) };
  }
}
