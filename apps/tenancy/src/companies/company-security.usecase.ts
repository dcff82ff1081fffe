import { AuditAction, CompanySecurity, DomainError, ErrorCode } from '@app/contracts';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { auditCompanyChange } from '../audit/company-change-audit';

interface SecurityRow {
  trusted_browser_days: number;
  session_idle_minutes: number | null;
  session_absolute_hours: number | null;
}

const COLUMNS = 'trusted_browser_days, session_idle_minutes, session_absolute_hours';

/** Each setting and its column: a change names only the settings it sets. */
const COLUMN_OF: Record<keyof CompanySecurity, string> = {
  trustedBrowserDays: 'trusted_browser_days',
  sessionIdleMinutes: 'session_idle_minutes',
  sessionAbsoluteHours: 'session_absolute_hours',
};

/** The company's security settings: read where a rule applies, set by its admins or the operator. */
@Injectable()
export class CompanySecuritySettings {
  constructor(private readonly em: EntityManager) {}

  /** @throws DomainError not_found */
  async read(companyId: string): Promise<CompanySecurity> {
    const [row] = await this.em.getConnection().execute<SecurityRow[]>(`select ${COLUMNS} from tenancy.companies where id = ?`, [companyId]);
    return settingsOf(row);
  }

  /** Sets those of `changes` that are given, the others stay, and audits it in the same transaction. @throws DomainError not_found */
  async set(companyId: string, actorUserId: string | null, changes: Partial<CompanySecurity>): Promise<CompanySecurity> {
    const given = (Object.keys(COLUMN_OF) as (keyof CompanySecurity)[]).filter((setting) => changes[setting] !== undefined);
    if (given.length === 0) return this.read(companyId);
    return this.em.fork().transactional(async (tx) => {
      const [row] = await tx.execute<SecurityRow[]>(
        `update tenancy.companies set ${given.map((setting) => `${COLUMN_OF[setting]} = ?`).join(', ')} where id = ? returning ${COLUMNS}`,
        [...given.map((setting) => changes[setting]), companyId],
      );
      const settings = settingsOf(row);
      auditCompanyChange(tx, companyId, actorUserId, AuditAction.SecurityChanged, given.map((setting) => `${setting}: ${changes[setting] ?? 'default'}`));
      return settings;
    });
  }
}

function settingsOf(row: SecurityRow | undefined): CompanySecurity {
  if (!row) throw new DomainError(ErrorCode.NotFound, 'No such company.');
  return {
    trustedBrowserDays: row.trusted_browser_days,
    sessionIdleMinutes: row.session_idle_minutes,
    sessionAbsoluteHours: row.session_absolute_hours,
  };
}
