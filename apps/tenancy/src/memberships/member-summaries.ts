import { IdentityPatterns, MemberSummary, UserView } from '@app/contracts';
import { RpcClient } from '@app/platform';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';

/** One of a company's people: identity's user, and the name the company gave them. */
export interface Person {
  user: UserView | undefined;
  /** The name the company typed when it added or invited them, or, once they left it, the last its trail kept; null for none. */
  nameHere: string | null;
  /** Whether they are a member or invited now: only then may identity's name stand in for the company's. */
  here: boolean;
}

/** The names the company gave, on its memberships and its pending invitations. */
const NAMES_HERE = `
  select user_id, invited_name from tenancy.memberships where company_id = ? and user_id = any(?::uuid[])
  union all
  select user_id, invited_name from tenancy.invitations where company_id = ? and user_id = any(?::uuid[])`;

/** For people who left: the name the company's latest entry about each of them kept (removed, or invitation withdrawn). */
const NAMES_KEPT = `
  select distinct on (target_user_id) target_user_id as user_id, target_name as invited_name from tenancy.audit_entries
  where company_id = ? and target_user_id = any(?::uuid[]) and target_name is not null
  order by target_user_id, at desc, id desc`;

type NameRow = { user_id: string; invited_name: string | null };

/**
 * A company's people as its lists name them: the email from identity, which
 * owns it, and the name the company typed. Identity's name is the one the
 * first firm typed, which another firm must not read; it is shown only for
 * people added before the company's own was kept, while they are still its
 * people: one who left is named as the company's trail last named her.
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

  /** In one identity call (at most 1000 ids, identity's limit) and one statement, a second for people who left. */
  async find(companyId: string, userIds: string[]): Promise<Map<string, Person>> {
    const ids = [...new Set(userIds)];
    if (ids.length === 0) return new Map();
    const connection = this.em.getConnection();
    const [users, rows] = await Promise.all([
      this.rpc.request(IdentityPatterns.findUsers, { userIds: ids }),
      connection.execute<NameRow[]>(NAMES_HERE, [companyId, listOf(ids), companyId, listOf(ids)]),
    ]);
    const here = new Set(rows.map((row) => row.user_id));
    const gone = ids.filter((id) => !here.has(id));
    const kept = gone.length > 0 ? await connection.execute<NameRow[]>(NAMES_KEPT, [companyId, listOf(gone)]) : [];
    const userOf = new Map(users.map((user) => [user.id, user]));
    const nameOf = new Map([...rows, ...kept].filter((row) => row.invited_name !== null).map((row) => [row.user_id, row.invited_name]));
    return new Map(ids.map((id) => [id, { user: userOf.get(id), nameHere: nameOf.get(id) ?? null, here: here.has(id) }]));
  }
}

export function summaryOf(userId: string, person: Person | undefined): MemberSummary {
  const user = person?.user;
  const name = person?.nameHere ?? (person?.here ? user?.name : undefined) ?? '';
  return { id: userId, email: user?.email ?? '', name };
}

function listOf(ids: string[]): string {
  return `{${ids.join(',')}}`;
}
