import { AuditEntryView } from '@app/contracts';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { MemberSummaries } from '../memberships/member-summaries';
import { AuditEntry } from './audit-entry.entity';

/** The latest entries only: two users each keeps one identity call within its limit of 1000 ids. */
const MAX_LISTED = 200;

@Injectable()
export class ListAudit {
  constructor(
    private readonly em: EntityManager,
    private readonly summaries: MemberSummaries,
  ) {}

  /** The company's entries, newest first, with actor and target, in one query and one identity call. */
  async execute(companyId: string): Promise<AuditEntryView[]> {
    const entries = await this.em
      .fork()
      .find(AuditEntry, { company: companyId }, { orderBy: { at: 'desc', id: 'desc' }, limit: MAX_LISTED });
    if (entries.length === 0) return [];
    const userIds = entries.flatMap((entry) => [entry.actorUserId, entry.targetUserId]);
    const summaryOf = await this.summaries.of(companyId, userIds.filter((id): id is string => id !== null));
    return entries.map((entry) => ({
      at: entry.at.toISOString(),
      actor: entry.actorUserId ? summaryOf(entry.actorUserId) : null,
      action: entry.action,
      target: entry.targetUserId ? { ...summaryOf(entry.targetUserId), ...(entry.targetName !== null && { name: entry.targetName }) } : null,
      reason: entry.reason,
    }));
  }
}
