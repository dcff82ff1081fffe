import { AccountView, CompanyMemberView, MemberRole } from '@app/contracts';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { MemberSummaries } from './member-summaries';

interface Row {
  user_id: string;
  role: MemberRole;
  kind: 'membership' | 'invitation';
  invited_name: string | null;
  accounts: AccountView[];
}

/** Identity names at most 1000 users per call. */
const MAX_LISTED = 1000;

const ACCOUNTS_JSON = `coalesce(json_agg(json_build_object('id', a.id, 'name', a.name) order by a.name, a.id), '[]')`;

/** Memberships, then pending invitations, each with the accounts it grants (an invitation's on acceptance). */
const MEMBERS_AND_INVITATIONS = `
  select m.user_id, m.role, 'membership' as kind, m.invited_name, m.created_at,
         (select ${ACCOUNTS_JSON}
          from tenancy.account_accesses x join tenancy.accounts a on a.id = x.account_id
          where x.membership_id = m.id) as accounts
  from tenancy.memberships m
  where m.company_id = ?
  union all
  select i.user_id, i.role, 'invitation', i.invited_name, i.created_at,
         (select ${ACCOUNTS_JSON}
          from tenancy.accounts a
          where a.id = any(i.account_ids) and a.company_id = i.company_id)
  from tenancy.invitations i
  where i.company_id = ? and i.expires_at > now()
  order by created_at, user_id
  limit ${MAX_LISTED}`;

@Injectable()
export class ListMembers {
  constructor(
    private readonly em: EntityManager,
    private readonly summaries: MemberSummaries,
  ) {}

  /**
   * Until a person answers the company's mail (activates their new account,
   * or accepts the invitation of the one they had), the company sees only
   * what it typed: status `invited`, its own name for them, the accounts it
   * granted. Whether the email already had an account, and the name another
   * firm gave it, belong to the firms the person works with.
   */
  async execute(companyId: string): Promise<CompanyMemberView[]> {
    const rows = await this.em.getConnection().execute<Row[]>(MEMBERS_AND_INVITATIONS, [companyId, companyId]);
    const users = await this.summaries.find(rows.map((row) => row.user_id));
    return rows.map((row) => {
      const user = users.get(row.user_id);
      const answered = row.kind === 'membership' && user?.active === true;
      const name = (answered ? null : row.invited_name) ?? user?.name ?? '';
      return {
        user: { id: row.user_id, email: user?.email ?? '', name },
        role: row.role,
        status: answered ? 'member' : 'invited',
        accounts: row.accounts,
      };
    });
  }
}
