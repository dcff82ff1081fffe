import { AccountView, CompanyMemberView, MemberRole } from '@app/contracts';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { MemberSummaries, summaryOf } from './member-summaries';

interface Row {
  user_id: string;
  role: MemberRole;
  kind: 'membership' | 'invitation';
  accounts: AccountView[];
}

const byName = new Intl.Collator([], { sensitivity: 'base', numeric: true });

/** Identity names at most 1000 users per call. */
const MAX_LISTED = 1000;

const ACCOUNTS_JSON = `coalesce(json_agg(json_build_object('id', a.id, 'name', a.name) order by a.name, a.id), '[]')`;

/**
 * Memberships and invitations not accepted, each with the accounts it grants
 * (an invitation's on acceptance). Expired ones too: a new user who never
 * activates stays listed, and so must an invitation, or its vanishing after a
 * week would tell that the email already had an account. Cut by user id, which
 * answering does not change (a membership's date would: see ListMembers).
 */
const MEMBERS_AND_INVITATIONS = `
  select m.user_id, m.role, 'membership' as kind,
         (select ${ACCOUNTS_JSON}
          from tenancy.account_accesses x join tenancy.accounts a on a.id = x.account_id
          where x.membership_id = m.id) as accounts
  from tenancy.memberships m
  where m.company_id = ?
  union all
  select i.user_id, i.role, 'invitation',
         (select ${ACCOUNTS_JSON}
          from tenancy.accounts a
          where a.id = any(i.account_ids) and a.company_id = i.company_id)
  from tenancy.invitations i
  where i.company_id = ?
  order by user_id
  limit ${MAX_LISTED}`;

@Injectable()
export class ListMembers {
  constructor(
    private readonly em: EntityManager,
    private readonly summaries: MemberSummaries,
  ) {}

  /**
   * Until a person answers the company's mail (activates their new account,
   * or accepts the invitation of the one they had), the company sees them as
   * `invited`, with the accounts it granted. Whether the email already had an
   * account belongs to the firms the person works with; so does the name
   * another firm gave it (MemberSummaries names people as this company typed them).
   * Listed by that name, which answering leaves as it was: by date, a person
   * who already had an account moved to the end when accepting (her membership
   * is new then), while a new user's, made when the company added her, stayed.
   */
  async execute(companyId: string): Promise<CompanyMemberView[]> {
    const rows = await this.em.getConnection().execute<Row[]>(MEMBERS_AND_INVITATIONS, [companyId, companyId]);
    const people = await this.summaries.find(companyId, rows.map((row) => row.user_id));
    const listed = rows.map((row): CompanyMemberView => {
      const person = people.get(row.user_id);
      const answered = row.kind === 'membership' && person?.user?.active === true;
      return {
        user: summaryOf(row.user_id, person),
        role: row.role,
        status: answered ? 'member' : 'invited',
        accounts: row.accounts,
      };
    });
    return listed.sort((a, b) => byName.compare(a.user.name, b.user.name) || byName.compare(a.user.email, b.user.email) || a.user.id.localeCompare(b.user.id));
  }
}
