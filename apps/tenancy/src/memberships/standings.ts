import { Standing } from '@app/contracts';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { Invitation } from '../invitations/invitation.entity';
import { Membership } from './membership.entity';

/** Where a user stands with a company: what the Google sign-in on its host asks before it hands anyone over. */
@Injectable()
export class Standings {
  constructor(private readonly em: EntityManager) {}

  /** A pending invitation counts expired or not: a new user's activation through Google has no deadline either. */
  async of(userId: string, companyId: string): Promise<Standing> {
    const em = this.em.fork();
    if ((await em.count(Membership, { userId, company: companyId })) > 0) return 'member';
    return (await em.count(Invitation, { userId, company: companyId })) > 0 ? 'invited' : 'none';
  }

  /** When the membership began: what a firm's host may know of the user's devices starts there. */
  async since(userId: string, companyId: string): Promise<string | null> {
    const membership = await this.em.fork().findOne(Membership, { userId, company: companyId }, { fields: ['createdAt'] });
    return membership?.createdAt.toISOString() ?? null;
  }
}
