import { ArrayType, Entity, Enum, ManyToOne, PrimaryKey, Property, Rel } from '@mikro-orm/core';
import { MemberRole } from '@app/contracts';
import { Company } from '../companies/company.entity';

/** How long an acceptance link stays valid. */
export const INVITATION_VALID_DAYS = 7;

/**
 * A company's invitation of a user, new or with an account already: no membership
 * until the user answers (the acceptance link, or a new user's activation
 * through the company's own link). One per company and user; rows are
 * written with `insert … on conflict` (see PendingInvitations), so the entity has no constructor.
 */
@Entity({ tableName: 'invitations' })
export class Invitation {
  @PrimaryKey({ type: 'uuid' })
  readonly id: string;

  @ManyToOne({ entity: () => Company })
  readonly company: Rel<Company>;

  /** No foreign key: users live in identity. */
  @Property({ type: 'uuid' })
  readonly userId: string;

  @Enum({ items: [...MemberRole.options], type: 'text' })
  readonly role: MemberRole;

  /** Checked against the company when invited, and again when accepted. */
  @Property({ type: ArrayType, columnType: 'uuid[]' })
  readonly accountIds: string[];

  /** SHA-256 of the link's token: the token itself is only in the mail. */
  @Property({ type: 'text' })
  readonly tokenHash: string;

  /** The name the company gave, which its membership keeps on acceptance (see Membership.invitedName). */
  @Property({ type: 'text', nullable: true })
  readonly invitedName: string | null;

  @Property({ type: 'timestamptz' })
  readonly createdAt: Date;

  @Property({ type: 'timestamptz' })
  readonly expiresAt: Date;
}
