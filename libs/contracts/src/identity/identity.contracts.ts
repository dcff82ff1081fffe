import { z } from 'zod';
import { defineEvent, defineRequest } from '../messages/message-contract';
import { ProvenFactor } from './factors';
import { RemovedPasskey } from './passkey.contracts';
import { DEFAULT_LANGUAGE, Email, Id, Language, Password, PersonName, SessionId, SingleLine } from './values';

export interface UserView {
  id: string;
  email: string;
  name: string;
  active: boolean;
  google: boolean;
  /** Bumped whenever credentials change; devices registered under an older one must sign in again. */
  credentialVersion: number;
  /** The language of the mails sent to the user. */
  language: Language;
}

export interface EnsuredUser {
  userId: string;
  /** Set when the user still has to activate the account: the secret for the activation link. */
  activationToken: string | null;
  /** The user's stored language: the one asked for when the user is new, else the user's own. */
  language: Language;
}

export interface HealthReply {
  service: string;
  version: string;
  /** Whether the service's Postgres answered its check in time. */
  database: 'up' | 'down';
}

/** What a mailed link is for: choosing the first password, a new one, or "this wasn't me" under a security alert. */
export const MailedLinkPurpose = z.enum(['activation', 'reset', 'not_me']);

/** The secret of a mailed link, as the portal posts it back. */
const LinkToken = z.string().min(1).max(200);

/**
 * A sign-in from a browser the user had not used: what the alert tells of it.
 * `device` is "Chrome · Linux" (null when the browser did not say); `portal` the portal's name.
 */
export const SignInSighting = z.object({
  device: SingleLine(64).nullable(),
  address: SingleLine(64),
  portal: SingleLine(200).nullable(),
});
export type SignInSighting = z.infer<typeof SignInSighting>;

/** A mail as written for another service's outbox to send. */
export interface AlertMail {
  to: { name: string; address: string };
  subject: string;
  text: string;
}

/**
 * The security alerts: each is mailed to the user in their language, with a
 * "this wasn't me" link, and recorded in the transaction of its change: those
 * of identity's own changes (password, devices, passkeys, 2FA turned on) in
 * identity's outbox; those of mfa's in mfa's, whose relay asks identity to
 * write them (IdentityPatterns.writeAlert) when it sends.
 */
export type SecurityAlert =
  | { kind: 'new_sign_in'; sighting: SignInSighting }
  | { kind: 'password_changed' | 'password_reset' | 'totp_enabled' | 'totp_disabled' | 'recovery_codes_regenerated' | 'google_linked' }
  | { kind: 'device_registered'; device: string };

/** The user's credential version after a change of credentials. */
export interface CredentialsChange {
  userId: string;
  credentialVersion: number;
}

/** A "this wasn't me" link not yet used: whose, and from when (ms) the factors added are undone by its report. */
export interface NotMeLink {
  userId: string;
  undoSince: number;
}

/** A browser as identity knows it: a digest, never its cookie. */
const BrowserId = z.string().regex(/^[A-Za-z0-9_-]{22}$/);

export const IdentityPatterns = {
  health: defineRequest<HealthReply>()('identity.health.check', z.object({})),
  verifyPassword: defineRequest<UserView>()(
    'identity.user.verify-password',
    z.object({ email: Email, password: Password }),
    { idempotent: true },
  ),
  /** `language` is stored for a new user only: a known user keeps theirs. */
  /** `companyId`: the company whose invitation mails the activation link, which activating through it joins (the others wait). */
  ensureUser: defineRequest<EnsuredUser>()(
    'identity.user.ensure',
    z.object({ email: Email, name: PersonName, language: Language.default(DEFAULT_LANGUAGE), companyId: Id.optional() }),
  ),
  getUser: defineRequest<UserView>()('identity.user.get', z.object({ userId: Id }), { idempotent: true }),
  findUsers: defineRequest<UserView[]>()('identity.user.find-many', z.object({ userIds: z.array(Id).max(1000) }), { idempotent: true }),
  /**
   * Whose an unspent activation link is: the user, and the company that mailed
   * it (null for links from before 2026-12-06), once `password` is one that
   * `activate` would accept, so that a refused password joins no company. Spends nothing.
   * @throws invalid_token, weak_password
   */
  activationOf: defineRequest<{ userId: string; companyId: string | null }>()(
    'identity.user.activation-of',
    z.object({ token: z.string().min(1).max(200), password: Password }),
    { idempotent: true },
  ),
  /** Stores `language`, the one the user activated in; without it the stored one stays. */
  activate: defineRequest<{ userId: string }>()(
    'identity.user.activate',
    z.object({ token: z.string().min(1).max(200), password: Password, language: Language.optional() }),
  ),
  /** @throws not_found for an unknown user. */
  setLanguage: defineRequest<Record<string, never>>()(
    'identity.user.set-language',
    z.object({ userId: Id, language: Language }),
    { idempotent: true },
  ),
  /**
   * The link is mailed in `language`, the requester's, which is not stored:
   * anyone may ask for the link of any email. It points at the user's own
   * portal (PORTAL_ORIGIN_TEMPLATE), never at the host the request came to.
   */
  forgotPassword: defineRequest<Record<string, never>>()(
    'identity.password.forgot',
    z.object({ email: Email, language: Language.default(DEFAULT_LANGUAGE) }),
  ),
  /**
   * Whether a mailed link can still be used, without spending it: the portal
   * asks when the page opens, so that a used or expired link is said at once.
   */
  checkLink: defineRequest<{ usable: boolean }>()(
    'identity.link.check',
    z.object({ token: z.string().min(1).max(200), purpose: MailedLinkPurpose }),
    { idempotent: true },
  ),
  /** `activated`: the link activated a user who never had (opening it proved the address): the companies that invited her wait for her answer. */
  resetPassword: defineRequest<CredentialsChange & { activated: boolean }>()(
    'identity.password.reset',
    z.object({ token: z.string().min(1).max(200), password: Password }),
  ),
  /**
   * `sparedSessionId` is the caller's session that made the change, echoed in
   * `credentialsChanged`, with `keepWebSessions` (the user's choice: their
   * other signed-in web sessions stay; mobile devices sign in again whatever it is).
   */
  changePassword: defineRequest<CredentialsChange>()(
    'identity.password.change',
    z.object({
      userId: Id,
      currentPassword: Password,
      newPassword: Password,
      sparedSessionId: SessionId.optional(),
      keepWebSessions: z.boolean().default(false),
    }),
  ),
  /** Ends every reset link of the user not yet used: the user's 2FA is about to change. */
  revokeResetLinks: defineRequest<Record<string, never>>()(
    'identity.reset-link.revoke-all',
    z.object({ userId: Id }),
    { idempotent: true },
  ),
  /**
   * Bumps the credential version (an admin's 2FA disable, the user's 2FA turned
   * on): every session and mobile device must sign in again, but
   * `sparedSessionId`, echoed in `credentialsChanged`, and `provedDevice`:
   * the device of that session, which proved `factor`, kept with it.
   */
  revokeCredentials: defineRequest<CredentialsChange & { notMeToken?: string }>()(
    'identity.credentials.revoke',
    z.object({
      userId: Id,
      sparedSessionId: SessionId.optional(),
      provedDevice: z.object({ deviceId: Id, factor: ProvenFactor }).optional(),
      /** The security alert of the change, recorded with it: 2FA turned on. */
      alert: z.literal('totp_enabled').optional(),
      /** A "this wasn't me" link for the caller's own mail of the change (an admin's disable), issued with it. */
      notMeLink: z.boolean().optional(),
    }),
  ),
  /**
   * The mail of a security alert that another service recorded in its own
   * mail outbox with its change (mfa: 2FA turned off by the user, new recovery
   * codes), written here with a new "this wasn't me" link each time that
   * outbox tries to send it. Null for an unknown user.
   */
  writeAlert: defineRequest<AlertMail | null>()(
    'identity.alert.write',
    z.object({ userId: Id, kind: z.enum(['totp_disabled', 'recovery_codes_regenerated']), at: z.number().int().positive() }),
  ),
  /**
   * A web sign-in completed on the browser `browser` (the digest of its
   * cookie and host): remembered for the user, and alerted once when it is
   * new and the user had signed in elsewhere before (the first browser ever
   * is no news). `formerly`: its id before ids named the host (the digest of
   * the cookie alone), known from then on by the new one.
   */
  noteBrowser: defineRequest<{ known: boolean }>()(
    'identity.browser.note',
    z.object({ userId: Id, browser: BrowserId, formerly: BrowserId.optional(), sighting: SignInSighting }),
    { idempotent: true },
  ),
  /**
   * Whether the owner of `email` completed a web sign-in on `browser` lately:
   * a lock on the email's password guesses lets that browser by. Asked only
   * while the email is locked.
   */
  browserSignedIn: defineRequest<{ signedIn: boolean }>()(
    'identity.browser.signed-in',
    z.object({ email: Email, browser: BrowserId }),
    { idempotent: true },
  ),
  /** A "this wasn't me" link not yet used. @throws invalid_token */
  peekNotMe: defineRequest<NotMeLink>()('identity.not-me.peek', z.object({ token: LinkToken }), { idempotent: true }),
  /**
   * "This wasn't me": spends the link, ends every session and device (the
   * credential version is bumped and announced), removes the passkeys made
   * since `undoSince` and mails a reset link.
   * @throws invalid_token for an unknown, used or expired link
   */
  reportNotMe: defineRequest<CredentialsChange>()('identity.not-me.report', z.object({ token: LinkToken })),
} as const;

export const IdentityEvents = {
  /** Anything shown of the user changed (name, Google link, activation): cached views are stale. */
  userChanged: defineEvent('identity.user.changed', z.object({ userId: Id })),
  /**
   * The password was changed or reset, or the credentials revoked: every
   * session signed in under an older credential version ends, but
   * `sparedSessionId`. Announced after the commit, so that the sessions end
   * even when the caller never hears the answer.
   */
  credentialsChanged: defineEvent(
    'identity.user.credentials-changed',
    z.object({
      userId: Id,
      credentialVersion: z.number().int().positive(),
      sparedSessionId: SessionId.optional(),
      /** A password change whose user kept their other signed-in web sessions: they move to the new version too. */
      keepWebSessions: z.boolean().optional(),
    }),
  ),
  /**
   * A passkey was removed, by its owner or with all the others by an admin's
   * 2FA disable: the public key the gateway kept for it goes at once, instead
   * of lingering until it expires. Announced after the commit, so that it goes
   * even when the caller never hears the answer.
   */
  passkeyRemoved: defineEvent('identity.passkey.removed', RemovedPasskey),
} as const;
