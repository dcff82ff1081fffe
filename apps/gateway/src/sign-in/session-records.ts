import { CompanyView } from '@app/contracts';
import { GatewayConfig } from '../config';
import { SessionRecord, SignInStage } from '../session/session';

/** A web record before it is issued: its host is the one of the request that receives the cookie. */
export type UnissuedRecord = Omit<SessionRecord, 'hostTag'>;

/** What a sign-in carries from step to step; `passkeys` once one answered. */
export type Signer = Pick<SessionRecord, 'userId' | 'credentialVersion' | 'factors'> & Partial<Pick<SessionRecord, 'passkeys'>>;

type Lifetimes = Pick<GatewayConfig, 'SESSION_ABSOLUTE_HOURS' | 'SESSION_IDLE_MINUTES' | 'SIGN_IN_MINUTES'>;

/**
 * The deployment's lifetimes, shortened where the company of the portal
 * entered chose shorter web sessions; never longer.
 */
export function lifetimesAt(company: Pick<CompanyView, 'sessionIdleMinutes' | 'sessionAbsoluteHours'> | null, deployment: Lifetimes): Lifetimes {
  return {
    SIGN_IN_MINUTES: deployment.SIGN_IN_MINUTES,
    SESSION_IDLE_MINUTES: Math.min(deployment.SESSION_IDLE_MINUTES, company?.sessionIdleMinutes ?? Infinity),
    SESSION_ABSOLUTE_HOURS: Math.min(deployment.SESSION_ABSOLUTE_HOURS, company?.sessionAbsoluteHours ?? Infinity),
  };
}

/** A signed-in web record's idle and absolute limits, cut down to `lifetimes` where those are shorter. */
export function shorterLifetimes(record: Pick<SessionRecord, 'idleMs' | 'createdAt' | 'absoluteExpiresAt'>, lifetimes: Lifetimes): Pick<SessionRecord, 'idleMs' | 'absoluteExpiresAt'> {
  return {
    idleMs: Math.min(record.idleMs, lifetimes.SESSION_IDLE_MINUTES * 60_000),
    absoluteExpiresAt: Math.min(record.absoluteExpiresAt, record.createdAt + lifetimes.SESSION_ABSOLUTE_HOURS * 3_600_000),
  };
}

/** Access tokens are short: the PIN or Face ID opens the app again, not a long-lived token. */
export const ACCESS_TOKEN_SECONDS = 15 * 60;

/**
 * A fresh web record: every step that raises privilege gets a new session id.
 * It keeps the credential version the password was checked under, and the
 * factors proved, from the user or from the step before. A sign-in half-way
 * lasts SIGN_IN_MINUTES; a signed-in session slides, within its absolute limit.
 */
export function webRecord(signer: Signer, stage: SignInStage, companyId: string | null, lifetimes: Lifetimes, now = Date.now()): UnissuedRecord {
  const done = stage === 'done';
  const lifetimeMs = done ? lifetimes.SESSION_ABSOLUTE_HOURS * 3_600_000 : lifetimes.SIGN_IN_MINUTES * 60_000;
  const idleMs = done ? lifetimes.SESSION_IDLE_MINUTES * 60_000 : lifetimeMs;
  return { ...freshRecord(signer, stage, companyId, now, lifetimeMs), kind: 'web', idleMs, deviceId: null };
}

/** An access token of an unlocked device: a fixed lifetime, on no host. */
export function mobileRecord(signer: Signer & { deviceId: string }, companyId: string | null, now = Date.now()): SessionRecord {
  const { deviceId } = signer;
  return { ...freshRecord(signer, 'done', companyId, now, ACCESS_TOKEN_SECONDS * 1000), kind: 'mobile', idleMs: 0, deviceId, hostTag: null };
}

function freshRecord(
  { userId, credentialVersion, factors, passkeys = [] }: Signer,
  stage: SignInStage,
  companyId: string | null,
  now: number,
  lifetimeMs: number,
): Omit<UnissuedRecord, 'kind' | 'idleMs' | 'deviceId'> {
  return {
    userId,
    stage,
    companyId,
    accountId: null,
    bannerDismissed: false,
    createdAt: now,
    lastSeenAt: now,
    absoluteExpiresAt: now + lifetimeMs,
    credentialVersion,
    factors,
    provedAt: now,
    passkeys,
  };
}
