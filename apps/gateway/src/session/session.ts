import { ProvenFactor } from '@app/contracts';
import { CachedView } from './user-record';

/** Where a sign-in stands; `done` is a signed-in session. */
export type SignInStage = 'select_portal' | 'totp' | 'totp_enroll' | 'done';

export type SessionKind = 'web' | 'mobile';

export interface SessionRecord {
  userId: string;
  stage: SignInStage;
  /** The active portal; null until chosen. */
  companyId: string | null;
  /** The active client account; null when the member has none. */
  accountId: string | null;
  /** The account banner stays closed until the next sign-in. */
  bannerDismissed: boolean;
  kind: SessionKind;
  createdAt: number;
  lastSeenAt: number;
  absoluteExpiresAt: number;
  /** Sliding expiry; 0 for a fixed lifetime. */
  idleMs: number;
  /** The mobile device an access token was issued to. */
  deviceId: string | null;
  /** The user's credential version when the password (or Google, or the device) was checked: a later change ends the session. */
  credentialVersion: number;
  /** What this session (or the device of a mobile one) proved: a portal that requires 2FA asks for a second factor here. */
  factors: ProvenFactor[];
  /**
   * When someone last proved to be the user in this session: the sign-in
   * (or, for the app, the unlock) that issued it, or a later re-authentication.
   * Sensitive changes need it recent.
   */
  provedAt: number;
  /** A digest of the host a web session was issued on, the only one its cookie works on; null for a mobile access token. */
  hostTag: string | null;
  /** The ids of the passkeys that proved the user in this session (its sign-in, a re-authentication): removing one ends it. */
  passkeys: string[];
}

export interface AuthenticatedSession {
  /** Public id: derived from the secret token, never the token itself. */
  id: string;
  record: SessionRecord;
  /** The user's cached view, read in the same round trip. */
  cachedView: CachedView;
}
