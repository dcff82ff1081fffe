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
}

export interface AuthenticatedSession {
  /** Public id: the SHA-256 of the secret token, never the token itself. */
  id: string;
  record: SessionRecord;
  /** Cached parts of the user's view, read in the same round trip; null where not cached. */
  cachedView: CachedViewParts;
}

export interface CachedViewParts {
  user: string | null;
  companies: string | null;
  member: string | null;
  /** The view's generation when read: a fill is refused if it changed since. */
  generation: string | null;
}
