import { Entity, ManyToOne, PrimaryKey, Property, Rel } from '@mikro-orm/core';
import { Company } from '../companies/company.entity';

/** How long a request lets the admins act: a client who lost their phone calls within days, not months. */
export const HELP_REQUEST_DAYS = 7;

/**
 * A member's "no access to the app": open until an admin turns their 2FA off,
 * and standing only while it is recent and the user's password has not changed
 * since (see standsFor).
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

  /** Once confirmed, the message of the link the user followed: what the admins read. */
  @Property({ type: 'text', nullable: true })
  message: string | null;

  @Property({ type: 'timestamptz' })
  readonly createdAt: Date;

  /** The user's credential version at the sign-in that asked; null for the requests made before it was kept, which no longer stand. */
  @Property({ type: 'integer', nullable: true })
  readonly credentialVersion: number | null;

  /** The digests of the last links mailed to the user to confirm it (MAILED_LINKS_KEPT); empty once confirmed. */
  @Property({ type: 'text[]' })
  confirmationDigests: string[];

  /** The message each of those links quoted (null for none), under its digest: the one confirmed is what the admins read. */
  @Property({ type: 'json' })
  confirmationMessages: Record<string, string | null>;

  /** When the user confirmed it from their mailbox: until then the admins neither hear of it nor may act on it. */
  @Property({ type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;

  @Property({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  /** The admin whose action closed the request; null for one that lapsed, closed when the user asked again. */
  @Property({ type: 'uuid', nullable: true })
  closedBy: string | null;
}

/**
 * Whether an open request lets an admin act: the user confirmed it from their
 * mailbox (a sign-in proves only the password, which a firm may have caught
 * on its own host), the password has not changed since (what the user does
 * on hearing of a request they did not make), and it is younger than
 * HELP_REQUEST_DAYS. A request made before the version was kept says nothing
 * of it: it no longer stands, and the client asks again.
 */
export function standsFor(
  request: Pick<HelpRequest, 'createdAt' | 'credentialVersion' | 'confirmedAt'>,
  credentialVersion: number,
  now = Date.now(),
): boolean {
  const recent = now - request.createdAt.getTime() < HELP_REQUEST_DAYS * 86_400_000;
  return recent && request.confirmedAt !== null && request.credentialVersion === credentialVersion;
}
