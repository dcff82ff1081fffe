import { AuditAction } from '@app/contracts';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { AuditEntry } from '../audit/audit-entry.entity';
import { Company } from '../companies/company.entity';
import { HelpRequest } from '../help-requests/help-request.entity';
import { Membership } from '../memberships/membership.entity';
import { FactorOffNoticeMail } from './factor-off-notice.mail-writer';

/**
 * What a company hears when its client's code factor goes, whoever turned it
 * off: she herself, or another company's admin at her request. Each company
 * gets the same audit entry, with no actor and no reason, the admins of
 * those that require the code the same mail, and her requests to it close.
 * Were only another firm's act told, or told otherwise, a company would learn
 * which of its clients work with another firm. The acting company's own
 * entry names its admin (DisableSecondFactor).
 */
@Injectable()
export class FactorOffNotices {
  constructor(
    private readonly em: EntityManager,
    private readonly mail: FactorOffNoticeMail,
  ) {}

  /**
   * In the transaction of the change; call `sendSoon` once it committed. Her
   * open "no access to the app" requests to them close: she signs in without
   * the code now, and another company's act, which revokes her credentials,
   * ends their standing anyway (standsFor), which a list that dropped them
   * only then would tell.
   */
  async record(tx: EntityManager, userId: string, companyIds: string[]): Promise<void> {
    if (companyIds.length === 0) return;
    await tx.nativeUpdate(HelpRequest, { company: { $in: companyIds }, userId, closedAt: null }, { closedAt: new Date() });
    for (const companyId of companyIds) {
      tx.persist(new AuditEntry(tx.getReference(Company, companyId), { actorUserId: null, action: AuditAction.SecondFactorDisabled, targetUserId: userId, reason: null }));
    }
    await this.mail.record(tx, { userId, companyIds });
  }

  sendSoon(): void {
    this.mail.sendSoon();
  }

  /** She turned it off herself: every company she is a member of is told. */
  async turnedOffByUser(userId: string): Promise<void> {
    await this.em.fork().transactional(async (tx) => {
      const memberships = await tx.find(Membership, { userId }, { fields: ['company'] });
      await this.record(tx, userId, memberships.map((membership) => membership.company.id));
    });
    this.sendSoon();
  }
}
