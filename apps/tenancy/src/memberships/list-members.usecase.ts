import { AccountView, CompanyMemberView, MemberRole } from '@app/contracts';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { MemberSummaries } from './member-summaries';

interface Row {
  user_id: string;
  role: MemberRole;
  status: CompanyMemberView['status'];
  accounts: AccountView[];
}

/** Identity names at most 1000 users per call. */
const MAX_LISTED = 1000;

/**
 * Members with their accounts, then pending invitations without theirs: until
 * the user accepts, the company sees only that it invited them.
 */
const MEMBERS_AND_INVITATIONS = `
  select m.user_id, m.role, 'member' as status, m.created_at,
         coalesce((select json_agg(json_build_object('id', a.id, 'name', a.name) order by a.name, a.id)
                   from tenancy.account_accesses x join tenancy.accounts a on a.id = x.account_id
                   where x.membership_id = m.id), '[]') as accounts
  from tenancy.memberships m
  where m.company_id = ?
  union all
  select i.user_id, i.role, 'invited', i.created_at, '[]'::json
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

  async execute(companyId: string): Promise<CompanyMemberView[]> {
    const rows = await this.em.getConnection().execute<Row[]>(MEMBERS_AND_INVITATIONS, [companyId, companyId]);
    const summaryOf = await this.summaries.of(rows.map((row) => row.user_id));
    return rows.map((row) => ({ user: summaryOf(row.user_id), role: row.role, status: row.status, accounts: row.accounts }));
  }
}
