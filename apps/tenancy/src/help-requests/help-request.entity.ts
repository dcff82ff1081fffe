import { Entity, ManyToOne, PrimaryKey, Property, Rel } from '@mikro-orm/core';
import { Company } from '../companies/company.entity';

/**
 * A member's "no access to the app": open until an admin turns their 2FA off.
 * Rows are written with `insert … on conflict` (see OpenHelpRequest), so the
 * entity has no constructor.
 */
@Entity({ tableName: 'help_requests' })
export class HelpRequest {
  @PrimaryKey({ type: 'uuid' })
  readonly id: string;

  @ManyToOne({ entity: () => Company })
  readonly company: Rel<Company>;

  /** No foreign key: users live in identity. */
  @Property({ type: 'uuid' })
  readonly userId: string;

  @Property({ type: 'text', nullable: true })
  message: string | null;

  @Property({ type: 'timestamptz' })
  readonly createdAt: Date;

  @Property({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  /** The admin whose action closed the request. */
  @Property({ type: 'uuid', nullable: true })
  closedBy: string | null;
}
