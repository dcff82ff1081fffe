import { createHash } from 'node:crypto';
import { AuditAction, CompanyBranding, DomainError, ErrorCode, Logo, LogoType } from '@app/contracts';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { auditCompanyChange } from '../audit/company-change-audit';

interface BrandingRow {
  accent_color: string | null;
  logo_type: LogoType | null;
  logo_digest: string | null;
}

export interface BrandingChanges {
  accentColor?: string | null;
  logo?: Logo | null;
}

const RETURNED = 'accent_color, logo_type, logo_digest';

/** A company's accent colour and logo, as its admins or the operator set them. */
@Injectable()
export class CompanyBrandings {
  constructor(private readonly em: EntityManager) {}

  /** A company that never set its look has the product's. @throws DomainError not_found */
  async read(companyId: string): Promise<CompanyBranding> {
    const [row] = await this.em.getConnection().execute<BrandingRow[]>(
      `select b.accent_color, b.logo_type, b.logo_digest
       from tenancy.companies c left join tenancy.company_brandings b on b.company_id = c.id where c.id = ?`,
      [companyId],
    );
    if (!row) throw unknownCompany();
    return brandingOf(row);
  }

  /** Sets those of `changes` that are given (null removes), the others stay, and audits it in the same transaction. @throws DomainError not_found */
  async set(companyId: string, actorUserId: string | null, changes: BrandingChanges): Promise<CompanyBranding> {
    const bytes = changes.logo ? Buffer.from(changes.logo.data, 'base64') : null;
    const columns: Record<string, unknown> = {
      ...(changes.accentColor !== undefined && { accent_color: changes.accentColor }),
      ...(changes.logo !== undefined && {
        logo: bytes,
        logo_type: changes.logo?.contentType ?? null,
        logo_digest: bytes && createHash('sha256').update(bytes).digest('base64url').slice(0, 16),
      }),
    };
    const names = Object.keys(columns);
    if (names.length === 0) return this.read(companyId);
    return this.em.fork().transactional(async (tx) => {
      // One statement: the company's first look is written whole, a later change touches only what it names.
      const [row] = await tx.execute<BrandingRow[]>(
        `insert into tenancy.company_brandings (company_id, ${names.join(', ')})
         select id, ${names.map(() => '?').join(', ')} from tenancy.companies where id = ?
         on conflict (company_id) do update set ${names.map((name) => `${name} = excluded.${name}`).join(', ')}
         returning ${RETURNED}`,
        [...Object.values(columns), companyId],
      );
      if (!row) throw unknownCompany();
      auditCompanyChange(tx, companyId, actorUserId, AuditAction.BrandingChanged, changesOf(changes, bytes));
      return brandingOf(row);
    });
  }

  /** The logo itself, or null when the company has none. */
  async logo(companyId: string): Promise<(Logo & { digest: string }) | null> {
    const [row] = await this.em
      .getConnection()
      .execute<{ logo: Buffer; logo_type: LogoType; logo_digest: string }[]>(
        'select logo, logo_type, logo_digest from tenancy.company_brandings where company_id = ? and logo is not null',
        [companyId],
      );
    return row ? { contentType: row.logo_type, data: row.logo.toString('base64'), digest: row.logo_digest } : null;
  }
}

function brandingOf({ accent_color, logo_type, logo_digest }: BrandingRow): CompanyBranding {
  return { accentColor: accent_color ?? null, logo: logo_type && logo_digest ? { contentType: logo_type, digest: logo_digest } : null };
}

/** What the audit says was set: the colour itself, the logo by its type and size (its bytes stay out of the trail). */
function changesOf(changes: BrandingChanges, bytes: Buffer | null): string[] {
  return [
    ...(changes.accentColor !== undefined ? [`accentColor: ${changes.accentColor ?? 'default'}`] : []),
    ...(changes.logo !== undefined ? [`logo: ${changes.logo && bytes ? `${changes.logo.contentType}, ${bytes.length} B` : 'removed'}`] : []),
  ];
}

function unknownCompany(): DomainError {
  return new DomainError(ErrorCode.NotFound, 'No such company.');
}
