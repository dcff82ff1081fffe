import { CompanyView } from '@app/contracts';
import { Company } from './company.entity';

/** Needs the company's hosts loaded. */
export function toCompanyView(company: Company): CompanyView {
  return {
    id: company.id,
    name: company.name,
    hosts: company.hosts.getItems().map((companyHost) => companyHost.host),
    requireTotp: company.requireTotp,
    ...sessionLimitsOf(company.sessionIdleMinutes, company.sessionAbsoluteHours),
  };
}

/** Only a company that chose shorter sessions carries them: the others' views (cached per user) stay as small as before. */
function sessionLimitsOf(idleMinutes: number | null, absoluteHours: number | null): Pick<CompanyView, 'sessionIdleMinutes' | 'sessionAbsoluteHours'> {
  return { ...(idleMinutes === null ? {} : { sessionIdleMinutes: idleMinutes }), ...(absoluteHours === null ? {} : { sessionAbsoluteHours: absoluteHours }) };
}

/**
 * The columns of a company `c` for the hot reads in plain SQL (the host
 * lookup, the companies of a user, a membership), read back by companyOfRow.
 */
export const COMPANY_COLUMNS = `c.id, c.name, c.require_totp, c.session_idle_minutes, c.session_absolute_hours,
  array(select h.host from tenancy.company_hosts h where h.company_id = c.id order by h.position) as hosts`;

export interface CompanyRow {
  id: string;
  name: string;
  require_totp: boolean;
  session_idle_minutes: number | null;
  session_absolute_hours: number | null;
  hosts: string[];
}

export function companyOfRow({ id, name, hosts, require_totp, session_idle_minutes, session_absolute_hours }: CompanyRow): CompanyView {
  return { id, name, hosts, requireTotp: require_totp, ...sessionLimitsOf(session_idle_minutes, session_absolute_hours) };
}
