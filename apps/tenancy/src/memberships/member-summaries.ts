import { IdentityPatterns, MemberSummary, UserView } from '@app/contracts';
import { RpcClient } from '@app/platform';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';

/** One of a company's people: identity's user, and the name the company gave them. */
export interface Person {
  user: UserView | undefined;
  /** The name the company typed when it added or invited them; null for those added before it was kept. */
  nameHere: string | null;
}

/** The names the company gave, on its memberships and its pending invitations. */
const NAMES_HERE = `
  select user_id, invited_name from tenancy.memberships where company_id = ? and user_id = any(?::uuid[])
  union all
  select user_id, invited_name from tenancy.invitations where company_id = ? and user_id = any(?::uuid[])`;

/**
 * A company's people as its lists name them: the email from identity, which
 * owns it, and the name the company typed. Identity's name is the one the
 * first firm typed, which another firm must not read; it is shown only for
 * people added before the company's own was kept.
 */
@Injectable()
export class MemberSummaries {
  constructor(
    private readonly em: EntityManager,
    private readonly rpc: RpcClient,
  ) {}

  /**
   * A user identity no longer knows keeps their id, with an empty name and
   * email, rather than hiding the request or audit entry that names them.
   */
  async of(companyId: string, userIds: string[]): Promise<(userId: string) => MemberSummary> {
    const people = await this.find(companyId, userIds);
    return (userId) => summaryOf(userId, people.get(userId));
  }

  /** In one identity call (at most 1000 ids, identity's limit) and one statement. */
  async find(companyId: string, userIds: string[]): Promise<Map<string, Person>> {
    const ids = [...new Set(userIds)];
    if (ids.length === 0) return new Map();
    const list = `{${ids.join(',')}}`;
    const [users, names] = await Promise.all([
      this.rpc.request(IdentityPatterns.findUsers, { userIds: ids }),
      this.em.getConnection().execute<{ user_id: string; invited_name: string | null }[]>(NAMES_HERE, [companyId, list, companyId, list]),
    ]);
    const userOf = new Map(users.map((user) => [user.id, user]));
    const nameOf = new Map(names.filter((row) => row.invited_name !== null).map((row) => [row.user_id, row.invited_name]));
    return new Map(ids.map((id) => [id, { user: userOf.get(id), nameHere: nameOf.get(id) ?? null }]));
  }
}

export function summaryOf(userId: string, person: Person | undefined): MemberSummary {
  const user = person?.user;
  return { id: userId, email: user?.email ?? '', name: person?.nameHere ?? user?.name ?? '' };
}
