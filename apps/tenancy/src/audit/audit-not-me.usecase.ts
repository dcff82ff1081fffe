import { AuditAction } from '@app/contracts';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { Company } from '../companies/company.entity';
import { AuditEntry } from './audit-entry.entity';

/** "This wasn't me": each company of the user sees it in its audit trail, as the user's own act. */
@Injectable()
export class AuditNotMe {
  constructor(private readonly em: EntityManager) {}

  async execute(userId: string): Promise<void> {
    await this.em.fork().transactional(async (tx) => {
      const rows = await tx.execute<{ company_id: string }[]>('select company_id from tenancy.memberships where user_id = ?', [userId]);
      for (const { company_id: companyId } of rows) {
        const record = { actorUserId: userId, action: AuditAction.NotMeReported, targetUserId: userId, reason: null };
        tx.persist(new AuditEntry(tx.getReference(Company, companyId), record));
      }
    });
  }
}
