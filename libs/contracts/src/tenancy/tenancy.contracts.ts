import { z } from 'zod';
import { defineEvent, defineRequest } from '../messages/message-contract';
import { HealthReply } from '../identity/identity.contracts';
import type { MemberSummary } from './second-factor-help.contracts';
import { DEFAULT_LANGUAGE, Email, Id, Language, PersonName, SingleLine } from '../identity/values';

export const MemberRole = z.enum(['client', 'admin']);
export type MemberRole = z.infer<typeof MemberRole>;

/** A hostname as the gateway compares it: lower case, no port, no trailing dot. */
export const Hostname = z
  .string()
  .trim()
  .toLowerCase()
  .max(253)
  .transform((value) => value.replace(/\.$/, ''))
  .pipe(z.string().regex(/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/, 'must be a hostname'));

export interface CompanyView {
  id: string;
  name: string;
  /** The first host is the portal's address in links and in `Portal.url`. */
  hosts: string[];
  requireTotp: boolean;
  /**
   * Set only when the company chose web sessions shorter than the
   * deployment's: minutes without activity, and hours in all. The gateway
   * applies them to the sessions signed in from then on, capped at its own.
   */
  sessionIdleMinutes?: number;
  sessionAbsoluteHours?: number;
}

export interface AccountView {
  id: string;
  name: string;
}

export interface MemberView {
  role: MemberRole;
  company: CompanyView;
  /**
   * The name the company typed when it added or invited the member; null for
   * members added before companies' own names were kept. Identity's name is
   * the first firm's, which another firm's host must not receive.
   */
  name: string | null;
  /** The accounts the member may open, by name. */
  accounts: AccountView[];
}

export interface AddedMember {
  userId: string;
  /** Set when the user must still activate: the link mailed in the invitation. Activating is joining. */
  activationUrl: string | null;
  /**
   * Set when the user already had an account and is not yet a member: the
   * mailed link by which they accept. Only the operator (the deployment itself) sees it.
   */
  acceptanceUrl: string | null;
}

export type Standing = 'member' | 'invited' | 'none';

/** Where the person stood whose invitation a company withdrew: as `Standing`, or `admin`, invited as one (not withdrawn). */
export type Withdrawal = Standing | 'admin';

/** What removing a person from a company did: `removed` a client; nothing for an `admin`, someone only `invited`, or `none`. */
export type Removal = 'removed' | 'admin' | 'invited' | 'none';

/** A company's invitation the user has not answered, named for the user herself (never shown to another company). */
export interface WaitingInvitation {
  companyId: string;
  companyName: string;
}

/** The secret of an acceptance link, as the user's browser posts it back. */
export const InvitationToken = z.string().min(1).max(200);

/** A line of the admin's list of the company's people. */
export interface CompanyMemberView {
  user: MemberSummary;
  role: MemberRole;
  /**
   * `invited`: a person who has not answered the company's mail yet, whether
   * they must activate a new account or accept with the one they had (which
   * of the two is not told: it would say that the email already had an
   * account, likely with another firm). `user.name` is the name the company
   * typed. An invited user who had an account is not reached before
   * accepting: no accounts, no sessions, no factors.
   */
  status: 'member' | 'invited';
  /** The accounts the member may open, by name; for an invited person, those they will open on answering. */
  accounts: AccountView[];
}

export const CompanyName = SingleLine(200);

/** How long a browser the user trusted at the code step skips it in this company: 0 turns the option off. */
export const TrustedBrowserDays = z.number().int().min(0).max(30);
/** Unless the company chooses otherwise: the longest, as the help page's "30 days" says. */
export const DEFAULT_TRUSTED_BROWSER_DAYS = 30;

/**
 * The company's own security settings, apart from `CompanyView`: they are
 * read where a rule applies (never cached in members' views), so that a
 * change takes effect at the next sign-in.
 */
export interface CompanySecurity {
  trustedBrowserDays: number;
  /** Null: the deployment's lifetimes. */
  sessionIdleMinutes: number | null;
  sessionAbsoluteHours: number | null;
}

/** A company's shorter session lifetime, or null for the deployment's; the gateway checks the deployment's maximum. */
export const SessionLimit = z.number().int().min(1).nullable();

export const TenancyPatterns = {
  health: defineRequest<HealthReply>()('tenancy.health.check', z.object({})),
  createCompany: defineRequest<CompanyView>()(
    'tenancy.company.create',
    z.object({
      name: CompanyName,
      hosts: z.array(Hostname).min(1).max(20),
      requireTotp: z.boolean().default(false),
      trustedBrowserDays: TrustedBrowserDays.default(DEFAULT_TRUSTED_BROWSER_DAYS),
    }),
  ),
  security: defineRequest<CompanySecurity>()('tenancy.company.security', z.object({ companyId: Id }), { idempotent: true }),
  /** Audited, with `actorUserId` (null: the operator); not retried, so that the audit holds one entry. @throws not_found for an unknown company. */
  setSecurity: defineRequest<CompanySecurity>()(
    'tenancy.company.set-security',
    z.object({
      companyId: Id,
      actorUserId: Id.nullable(),
      trustedBrowserDays: TrustedBrowserDays.optional(),
      sessionIdleMinutes: SessionLimit.optional(),
      sessionAbsoluteHours: SessionLimit.optional(),
    }),
  ),
  resolveHost: defineRequest<{ company: CompanyView | null }>()(
    'tenancy.company.resolve-host',
    z.object({ host: Hostname }),
    { idempotent: true },
  ),
  createAccount: defineRequest<AccountView>()(
    'tenancy.account.create',
    z.object({ companyId: Id, name: CompanyName }),
  ),
  /**
   * Invites the email into the company with access to the accounts, and mails
   * the invitation: a pending invitation either way, answered by a new user's
   * activation through this company's link, or by the acceptance link of one
   * who already has an account; a member only then. Links are on the easy
   * access host, from tenancy's configuration.
   */
  addMember: defineRequest<AddedMember>()(
    'tenancy.member.add',
    z.object({
      companyId: Id,
      email: Email,
      name: PersonName,
      role: MemberRole,
      accountIds: z.array(Id).max(500).default([]),
      /** The inviter's: a new user's first stored language, in which the invitation is written. */
      language: Language.default(DEFAULT_LANGUAGE),
      /** The admin who invites, whose act the audit keeps; null for the operator (not audited). */
      actorUserId: Id.nullable().default(null),
    }),
  ),
  /**
   * The user's consent to a pending invitation: a membership with the invited
   * role and accounts, or nothing. @throws invalid_token for an unknown, used or expired token.
   */
  acceptInvitation: defineRequest<{ userId: string }>()('tenancy.invitation.accept', z.object({ token: InvitationToken })),
  /**
   * Where the user stands with the company: a `member`, `invited` (a pending
   * invitation, expired or not: a new user's activation through Google has no
   * deadline either), or `none`.
   */
  standing: defineRequest<{ standing: Standing }>()('tenancy.member.standing', z.object({ userId: Id, companyId: Id }), { idempotent: true }),
  /** When the user became a member of the company (accepted, or was added while still to activate); null for no member. */
  memberSince: defineRequest<{ since: string | null }>()('tenancy.member.since', z.object({ userId: Id, companyId: Id }), { idempotent: true }),
  /**
   * The user's consent to the company's pending invitation, given other than
   * by the acceptance link: on the easy access host after Google, or by
   * activating through the company's own activation link. Accepted expired or
   * not, as `standing` counts it. @returns whether the user is now a member.
   */
  acceptInvitationOf: defineRequest<{ member: boolean }>()(
    'tenancy.invitation.accept-of',
    z.object({ userId: Id, companyId: Id }),
    { idempotent: true },
  ),
  /**
   * The company's invitation of the user, taken back before she answers.
   * @returns where she stood: `invited` (now withdrawn), `admin` or `member` (nothing changed), or `none`.
   */
  withdrawInvitation: defineRequest<{ standing: Withdrawal }>()(
    'tenancy.invitation.withdraw',
    z.object({ userId: Id, companyId: Id, actorUserId: Id }),
  ),
  /**
   * The company ends a client's membership (she left the firm): her accounts,
   * her place in its lists and her open help request go, audited and
   * announced. An admin, or someone only invited, is left as is.
   */
  removeMember: defineRequest<{ removal: Removal }>()('tenancy.member.remove', z.object({ userId: Id, companyId: Id, actorUserId: Id })),
  /**
   * The companies whose invitations the user has not answered, with their
   * names: what a new user is asked about after Google on the easy access host.
   */
  waitingInvitations: defineRequest<WaitingInvitation[]>()('tenancy.invitation.waiting', z.object({ userId: Id }), { idempotent: true }),
  /**
   * Mails a fresh acceptance link for each invitation the user has not
   * answered: a new user's activation (through one company's link, or Google)
   * ended the activation links the others had mailed. @returns how many were mailed.
   */
  mailInvitationsAgain: defineRequest<{ mailed: number }>()(
    'tenancy.invitation.mail-again',
    z.object({ userId: Id, email: Email, language: Language }),
  ),
  /** The company's members and pending invitations, by name as the company typed it (at most 1000, identity's limit per call). */
  listMembers: defineRequest<CompanyMemberView[]>()('tenancy.member.list', z.object({ companyId: Id }), { idempotent: true }),
  listCompaniesOfUser: defineRequest<CompanyView[]>()('tenancy.member.companies', z.object({ userId: Id }), { idempotent: true }),
  getMember: defineRequest<MemberView>()('tenancy.member.get', z.object({ userId: Id, companyId: Id }), { idempotent: true }),
  /** Replaces the accounts a member of the company may open, or an invited person will open on answering; audited. */
  setAccountAccess: defineRequest<void>()(
    'tenancy.member.set-accounts',
    z.object({ companyId: Id, userId: Id, accountIds: z.array(Id).max(500), actorUserId: Id }),
    { idempotent: true },
  ),
  /** What a sign-in on a company's host needs in one round trip: the user's companies, and the membership in that one (null if none). */
  portalsAndMember: defineRequest<{ companies: CompanyView[]; member: MemberView | null }>()(
    'tenancy.member.portals-and-member',
    z.object({ userId: Id, companyId: Id }),
    { idempotent: true },
  ),
} as const;

export const TenancyEvents = {
  /** A membership or account access of the user changed: cached views are stale. */
  memberChanged: defineEvent('tenancy.member.changed', z.object({ userId: Id })),
  /**
   * The user is no longer a member of the company (an admin removed her): her
   * sessions in it end, also when the admin's answer was lost; cached views are stale.
   */
  memberLeft: defineEvent('tenancy.member.left', z.object({ userId: Id, companyId: Id })),
} as const;
