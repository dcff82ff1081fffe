import { AccountView, assertThat, ErrorCode, MemberRole, MemberView } from '@app/contracts';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { COMPANY_COLUMNS, companyOfRow, CompanyRow } from '../companies/company.view';

interface MemberRow extends CompanyRow {
  role: MemberRole;
  invited_name: string | null;
  accounts: AccountView[];
}

/** Plain SQL, for the same reason as ListCompaniesOfUser: a sign-in on the easy-access host asks this once its portal is known. */
const MEMBER = `
  select m.role, m.invited_name, ${COMPANY_COLUMNS},
         coalesce((select json_agg(json_build_object('id', a.id, 'name', a.name) order by a.name, a.id)
                   from tenancy.account_accesses x join tenancy.accounts a on a.id = x.account_id
                   where x.membership_id = m.id), '[]') as accounts
  from tenancy.memberships m
  join tenancy.companies c on c.id = m.company_id
  where m.user_id = ? and m.company_id = ?`;

@Injectable()
export class GetMember {
  constructor(private readonly em: EntityManager) {}

  /**
   * The member's role, company, name there and accounts, in one query.
   * @throws DomainError `not_found` when the user is no member of the company.
   */
  async execute(userId: string, companyId: string): Promise<MemberView> {
    const [row] = await this.em.getConnection().execute<MemberRow[]>(MEMBER, [userId, companyId]);
    assertThat(row, ErrorCode.NotFound, 'Not a member of this company.');
    return { role: row.role, company: companyOfRow(row), name: row.invited_name, accounts: row.accounts };
  }
}
