import { CompanySecurity, DomainError, ErrorCode } from '@app/contracts';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';

/** The company's security settings: read where a rule applies, set by its admins or the operator. */
@Injectable()
export class CompanySecuritySettings {
  constructor(private readonly em: EntityManager) {}

  /** @throws DomainError not_found */
  async read(companyId: string): Promise<CompanySecurity> {
    const [row] = await this.em
      .getConnection()
      .execute<{ trusted_browser_days: number }[]>('select trusted_browser_days from tenancy.companies where id = ?', [companyId]);
    if (!row) throw noSuchCompany();
    return { trustedBrowserDays: row.trusted_browser_days };
  }

  /** @throws DomainError not_found */
  async set(companyId: string, settings: CompanySecurity): Promise<CompanySecurity> {
    const [row] = await this.em
      .getConnection()
      .execute<{ trusted_browser_days: number }[]>(
        'update tenancy.companies set trusted_browser_days = ? where id = ? returning trusted_browser_days',
        [settings.trustedBrowserDays, companyId],
      );
    if (!row) throw noSuchCompany();
    return { trustedBrowserDays: row.trusted_browser_days };
  }
}

function noSuchCompany(): DomainError {
  return new DomainError(ErrorCode.NotFound, 'No such company.');
}
