import { Collection, Entity, Enum, ManyToMany, ManyToOne, PrimaryKey, Property, Rel } from '@mikro-orm/core';
import { MemberRole } from '@app/contracts';
import { Account } from '../accounts/account.entity';
import { Company } from '../companies/company.entity';
import { AccountAccess } from './account-access.entity';

/**
 * A user's link to a company. Rows are written with `insert … on conflict do
 * nothing` (see AddMember), so the entity has no constructor.
 */
@Entity({ tableName: 'memberships' })
export class Membership {
  @PrimaryKey({ type: 'uuid' })
  readonly id: string;

  @ManyToOne({ entity: () => Company })
  readonly company: Rel<Company>;

  /** No foreign key: users live in identity. */
  @Property({ type: 'uuid' })
  readonly userId: string;

  @Enum({ items: [...MemberRole.options], type: 'text' })
  role: MemberRole;

  /**
   * The name the company gave when it added or invited the user: its lists
   * name them so, rather than by the name another firm typed (identity's).
   * Null for members added before it was kept.
   */
  @Property({ type: 'text', nullable: true })
  readonly invitedName: string | null;

  @Property({ type: 'datetime' })
  readonly createdAt: Date;

  /** The accounts the member may open, by name. Always of the membership's company: AddMember checks it. */
  @ManyToMany({ entity: () => Account, pivotEntity: () => AccountAccess, orderBy: { name: 'asc' } })
  readonly accounts = new Collection<Account>(this);
}
