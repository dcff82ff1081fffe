import { AuditAction } from '@app/contracts';
import { EntityManager } from '@mikro-orm/postgresql';
import { Company } from '../companies/company.entity';
import { AuditEntry } from './audit-entry.entity';

type CompanyChange = typeof AuditAction.SecurityChanged | typeof AuditAction.BrandingChanged;

/**
 * Records, in the change's transaction, that an admin (or the operator, with
 * no actor) changed the company itself: the reason lists what was set, as
 * `name: value`, so the trail says what the portal's rules became and when.
 */
export function auditCompanyChange(tx: EntityManager, companyId: string, actorUserId: string | null, action: CompanyChange, changes: string[]): void {
  tx.persist(new AuditEntry(tx.getReference(Company, companyId), { actorUserId, action, targetUserId: null, reason: changes.join('; ') }));
}
