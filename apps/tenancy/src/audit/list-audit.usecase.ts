import { AuditEntryView, DomainError, ErrorCode } from '@app/contracts';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { MemberSummaries } from '../memberships/member-summaries';
import { AuditEntry } from './audit-entry.entity';

/** A page: two users each keeps one identity call within its limit of 1000 ids. */
const MAX_LISTED = 200;
/** Compared in Postgres, to the microsecond: entries written by SQL (`now()`) are finer than a JavaScript date. */
const OLDER_THAN = '(e.at, e.id) < (select b.at, b.id from tenancy.audit_entries b where b.id = ?)';

@Injectable()
export class ListAudit {
  constructor(
    private readonly em: EntityManager,
    private readonly summaries: MemberSummaries,
  ) {}

  /**
   * A page of the company's entries, newest first, with actor and target, in one query and one identity call: the latest,
   * or those older than `before`. Without pages, a stream of later changes pushed an act out of the other admins' sight.
   */
  async execute(companyId: string, before?: string): Promise<AuditEntryView[]> {
    const em = this.em.fork();
    // Another company's entry is no place to start from: answered as one that does not exist.
    if (before && (await em.count(AuditEntry, { id: before, company: companyId })) === 0) {
      throw new DomainError(ErrorCode.ValidationFailed, 'Invalid before: no entry of this company.');
    }
    const query = em.createQueryBuilder(AuditEntry, 'e').where({ company: companyId }).orderBy({ at: 'desc', id: 'desc' }).limit(MAX_LISTED);
    if (before) query.andWhere(OLDER_THAN, [before]);
    const entries = await query.getResultList();
    if (entries.length === 0) return [];
    const userIds = entries.flatMap((entry) => [entry.actorUserId, entry.targetUserId]);
    const summaryOf = await this.summaries.of(companyId, userIds.filter((id): id is string => id !== null));
    return entries.map((entry) => ({
      id: entry.id,
      at: entry.at.toISOString(),
      actor: entry.actorUserId ? summaryOf(entry.actorUserId) : null,
      action: entry.action,
      target: entry.targetUserId ? { ...summaryOf(entry.targetUserId), ...(entry.targetName !== null && { name: entry.targetName }) } : null,
      reason: entry.reason,
    }));
  }
}
