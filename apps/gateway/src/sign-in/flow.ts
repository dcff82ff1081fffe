import { CompanyView, DomainError, ErrorCode, passedSecondFactor, ProvenFactor } from '@app/contracts';
import { SignInStage } from '../session/session';
import { admits } from './portal-admission';

/**
 * The sign-in flow, pure: from the user's memberships, factors, what this
 * session proved and the host, the next step. Every way in (password, Google,
 * passkey, code, recovery code, the app) asks it, so that a rule such as
 * "a portal that requires 2FA is not entered without it" is written once. The
 * web and the app each gather what it needs in their own service (the web asks
 * for the host's company, or reads the cached view; the app for every company),
 * and neither decides anything itself.
 */

/** Where a sign-in runs: on a company's host only its membership there counts; the app signs in for every portal at once. */
export type SignInHost = { kind: 'company'; membership: CompanyView | null } | { kind: 'easy_access' } | { kind: 'app' };

/** What the flow knows of the user when it decides. */
export interface Standing {
  /** The portals the user is a member of. */
  memberships: readonly CompanyView[];
  totpEnabled: boolean;
  /** What this sign-in, session or device proved so far. */
  factors: readonly ProvenFactor[];
}

/**
 * Where a web sign-in goes once a first factor was accepted, before any
 * second factor. `refused` answers like a wrong password, so that nobody
 * learns who is a member where; `code_then_refused` asks the code as a
 * member's sign-in would, and refuses after it.
 */
export type Entry =
  | { next: 'refused' }
  | { next: 'code_then_refused' }
  | { next: 'select_portal'; portals: readonly CompanyView[] }
  | { next: 'portal'; portal: CompanyView };

/** The next step of the app's one-time sign-in: it chooses its portal later, at each unlock. */
export type AppStep = { next: 'refused' } | { next: 'totp' | 'create_pin' };

/** The second factor a company's portal asks of this sign-in before `done`: the code whenever the user has 2FA on. */
export function stageAt(company: Pick<CompanyView, 'requireTotp'>, totpEnabled: boolean, factors: readonly ProvenFactor[]): Exclude<SignInStage, 'select_portal'> {
  if (totpEnabled && !passedSecondFactor(factors)) return 'totp';
  return admits(company, factors) ? 'done' : 'totp_enroll';
}

/**
 * Where the portal requires 2FA of a user without the app's code, a passkey
 * made for this host answers the second step instead of setting the code up.
 */
export function secondStage(stage: SignInStage, passkeyHere: boolean): SignInStage {
  return stage === 'totp_enroll' && passkeyHere ? 'totp' : stage;
}

/**
 * Before the easy access host lists a user's portals: the code, when the
 * user has it on. The list names every firm of the user, and a firm that
 * caught the password on its own host must not learn the others from it
 * (the app asks the code before its choice of company too).
 */
export function choiceStage(totpEnabled: boolean, factors: readonly ProvenFactor[]): 'totp' | 'select_portal' {
  return totpEnabled && !passedSecondFactor(factors) ? 'totp' : 'select_portal';
}

/**
 * On a company's host, its members enter it; on the easy access host, the
 * user's only portal, or a choice among several. On a company's host, a user
 * the code will be asked of (`codeAhead`) is asked it whether she is a member
 * there or not, and refused only after it: a firm that caught her password on
 * its own host would otherwise try it on other firms' hosts and learn, from
 * the code step or a wrong password, which of them she is a client of, which
 * the easy access host shows only after the code (`choiceStage`).
 */
export function entryAfterCredentials(host: Exclude<SignInHost, { kind: 'app' }>, memberships: readonly CompanyView[], codeAhead: boolean): Entry {
  const portal = host.kind === 'company' ? host.membership : memberships.length === 1 ? memberships[0] : null;
  if (portal) return { next: 'portal', portal };
  if (host.kind === 'company') return codeAhead ? { next: 'code_then_refused' } : { next: 'refused' };
  if (memberships.length === 0) return { next: 'refused' };
  return { next: 'select_portal', portals: memberships };
}

/**
 * A device is registered only where it opens a portal: with the app's code
 * when the user has it on, and never on the password alone where every
 * portal of the user requires 2FA (the web would stop there at the second
 * step; a device would still list the user's sessions, end them and remove
 * their other devices).
 * @throws DomainError totp_required when no portal admits what was proved and the app's code is off.
 */
export function appStep({ memberships, totpEnabled, factors }: Standing): AppStep {
  if (memberships.length === 0) return { next: 'refused' };
  if (totpEnabled && !passedSecondFactor(factors)) return { next: 'totp' };
  if (!memberships.some((company) => admits(company, factors))) {
    throw new DomainError(
      ErrorCode.TotpRequired,
      'Your portals require two-factor authentication: sign in with a passkey, or turn on the app\'s code on the web first.',
    );
  }
  return { next: 'create_pin' };
}

/** @throws DomainError forbidden when the user is not a member of that portal. */
export function memberPortal(memberships: readonly CompanyView[], portalId: string): CompanyView {
  const portal = memberships.find((company) => company.id === portalId);
  if (!portal) throw new DomainError(ErrorCode.Forbidden, 'You have no access to this portal.');
  return portal;
}

/**
 * The portal a signed-in session may switch to. Where the company requires
 * 2FA, only a session (or the device of a mobile one) that passed a second
 * factor enters: the user having one since is not enough.
 * @throws DomainError forbidden when not a member; totp_required.
 */
export function portalToSwitchTo(memberships: readonly CompanyView[], portalId: string, factors: readonly ProvenFactor[]): CompanyView {
  const portal = memberPortal(memberships, portalId);
  if (!admits(portal, factors)) {
    throw new DomainError(
      ErrorCode.TotpRequired,
      'This portal requires two-factor authentication, which this session did not pass: sign in again on this portal (setting it up if need be).',
    );
  }
  return portal;
}

/**
 * The portal an unlocked device opens on: the one it chose last time, or the
 * only one; null when the app must ask, also when that portal requires 2FA
 * that the device did not pass.
 * @throws DomainError forbidden when the user belongs to no portal any more.
 */
export function portalOnUnlock(memberships: readonly CompanyView[], lastCompanyId: string | null, factors: readonly ProvenFactor[]): CompanyView | null {
  if (memberships.length === 0) throw new DomainError(ErrorCode.Forbidden, 'You have no access to any portal any more.');
  const candidate = memberships.find((company) => company.id === lastCompanyId) ?? (memberships.length === 1 ? memberships[0] : null);
  return candidate && admits(candidate, factors) ? candidate : null;
}
