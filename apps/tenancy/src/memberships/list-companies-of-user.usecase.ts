import { CompanyView } from '@app/contracts';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { COMPANY_COLUMNS, companyOfRow, CompanyRow } from '../companies/company.view';

/**
 * Every sign-in asks this: plain SQL, as hydrating entities cost tenancy ten
 * times the query itself.
 */
const COMPANIES_OF_USER = `
  select ${COMPANY_COLUMNS}
  from tenancy.memberships m
  join tenancy.companies c on c.id = m.company_id
  where m.user_id = ?
  order by c.name, c.id`;

@Injectable()
export class ListCompaniesOfUser {
  constructor(private readonly em: EntityManager) {}

  /** The companies where the user is a member, by name, with their hosts, in one query. */
  async execute(userId: string): Promise<CompanyView[]> {
    const rows = await this.em.getConnection().execute<CompanyRow[]>(COMPANIES_OF_USER, [userId]);
    return rows.map(companyOfRow);
  }
}
