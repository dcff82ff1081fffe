import { CompanyView } from '@app/contracts';
import { Company } from './company.entity';

/** Needs the company's hosts loaded. */
export function toCompanyView(company: Company): CompanyView {
  return {
    id: company.id,
    name: company.name,
    hosts: company.hosts.getItems().map((companyHost) => companyHost.host),
    requireTotp: company.requireTotp,
  };
}

/**
 * The columns of a company `c` for the hot reads in plain SQL (the host
 * lookup, the companies of a user, a membership), read back by companyOfRow.
 */
export const COMPANY_COLUMNS = `c.id, c.name, c.require_totp,
  array(select h.host from tenancy.company_hosts h where h.company_id = c.id order by h.position) as hosts`;

export interface CompanyRow {
  id: string;
  name: string;
  require_totp: boolean;
  hosts: string[];
}

export function companyOfRow({ id, name, hosts, require_totp }: CompanyRow): CompanyView {
  return { id, name, hosts, requireTotp: require_totp };
}
