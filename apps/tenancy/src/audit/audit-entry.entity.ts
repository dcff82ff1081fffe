import { randomUUID } from 'node:crypto';
import { AuditAction } from '@app/contracts';
import { Entity, ManyToOne, PrimaryKey, Property, Rel } from '@mikro-orm/core';
import { Company } from '../companies/company.entity';

export interface AuditRecord {
  /** Null in the entries other companies get of an act on a member they share: see DisableSecondFactor. */
  actorUserId: string | null;
  action: AuditAction;
  /** Null for a change of the company itself (its settings, its look). */
  targetUserId: string | null;
  reason: string | null;
  /** The name this company typed for the target, kept with the entries about people it invited or granted accounts: an invitation may be withdrawn, and with it the company's own name for her. */
  targetName?: string | null;
}

/** What an admin (of this company, or another one's) did to a member of the company, or to the company's own settings. Written once, never changed. */
@Entity({ tableName: 'audit_entries' })
export class AuditEntry {
  @PrimaryKey({ type: 'uuid' })
  readonly id: string = randomUUID();

  @ManyToOne({ entity: () => Company })
  readonly company: Rel<Company>;

  @Property({ type: 'timestamptz' })
  readonly at: Date = new Date();

  /** No foreign keys to users: they live in identity. */
  @Property({ type: 'uuid', nullable: true })
  readonly actorUserId: string | null;

  @Property({ type: 'text' })
  readonly action: AuditAction;

  @Property({ type: 'uuid', nullable: true })
  readonly targetUserId: string | null;

  @Property({ type: 'text', nullable: true })
  readonly reason: string | null;

  /** See AuditRecord.targetName; null for the entries that name the target as the company's lists do. */
  @Property({ type: 'text', nullable: true })
  readonly targetName: string | null;

  constructor(company: Company, record: AuditRecord) {
    this.company = company;
    this.actorUserId = record.actorUserId;
    this.action = record.action;
    this.targetUserId = record.targetUserId;
    this.reason = record.reason;
    this.targetName = record.targetName ?? null;
  }
}
