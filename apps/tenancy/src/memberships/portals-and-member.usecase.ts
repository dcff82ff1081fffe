import { AccountView, CompanyView, MemberRole, MemberView } from '@app/contracts';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { COMPANY_COLUMNS, companyOfRow, CompanyRow } from '../companies/company.view';

interface PortalRow extends CompanyRow {
  role: MemberRole;
  invited_name: string | null;
  /** Only on the row of the company asked about. */
  accounts: AccountView[] | null;
}

/**
 * A sign-in on a company's host asks for both at once: one statement, the
 * user's memberships with the accounts of the one asked about, instead of
 * ListCompaniesOfUser and GetMember side by side (two round trips, and two
 * of the pool's connections, per sign-in).
 */
const PORTALS_AND_MEMBER = `
  select m.role, m.invited_name, ${COMPANY_COLUMNS},
         case when m.company_id = ? then
           coalesce((select json_agg(json_build_object('id', a.id, 'name', a.name) order by a.name, a.id)
                     from tenancy.account_accesses x join tenancy.accounts a on a.id = x.account_id
                     where x.membership_id = m.id), '[]')
         end as accounts
  from tenancy.memberships m
  join tenancy.companies c on c.id = m.company_id
  where m.user_id = ?
  order by c.name, c.id`;

@Injectable()
export class PortalsAndMember {
  constructor(private readonly em: EntityManager) {}

  /** The companies where the user is a member, by name, and their membership of `companyId` (null when none). */
  async execute(userId: string, companyId: string): Promise<{ companies: CompanyView[]; member: MemberView | null }> {
    const rows = await this.em.getConnection().execute<PortalRow[]>(PORTALS_AND_MEMBER, [companyId, userId]);
    const companies = rows.map(companyOfRow);
    // The statement gives accounts (at least []) on the row asked about, and on no other.
    const here = rows.findIndex((row) => row.accounts !== null);
    const member = here === -1 ? null : { role: rows[here].role, company: companies[here], name: rows[here].invited_name, accounts: rows[here].accounts! };
    return { companies, member };
  }
}
