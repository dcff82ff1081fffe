import { compactOf } from './session-token';

/** The user's id in 22 characters, as it starts their session tokens: 14 bytes less in every session's key than the UUID. */
const tagOf = (userId: string) => `{${compactOf(userId)}}`;

/**
 * Every family of keys the gateway writes, after the deployment's prefix.
 * The keys that a script or a transaction touches together are those of one
 * user and carry the user's id as a hash tag (`{…}`), so that they share one
 * Cluster slot; the others are each used alone. A shipped family never
 * changes shape without docs/operations.md saying what a deploy does to its keys.
 */
export const RedisKeys = {
  /** A web session, sign-in in progress or mobile access token: a hash of short fields (session-codec.ts). */
  session: (userId: string, entry: string) => `sess:${tagOf(userId)}:${entry}`,
  /** The user's record: the index of their sessions and their cached view (user-record.ts). */
  userRecord: (userId: string) => `user:${tagOf(userId)}`,
  /** The newest credential version of the user, for a while after a change (redis-scripts.ts). */
  credentialFloor: (userId: string) => `floor:${tagOf(userId)}`,
  /** A mobile device the user forgot, for a while after (redis-scripts.ts): no access token is made for it any more. */
  forgottenDevice: (userId: string, deviceId: string) => `forgotten:${tagOf(userId)}:${deviceId}`,
  /** The browsers the user trusted at the code step: a hash of entries by the digest of their cookie (trusted-browser.store.ts). */
  trustedBrowsers: (userId: string) => `trust:${tagOf(userId)}`,
  /** The digests of the browsers the user signed in with, as identity knows them: a set (known-browsers.ts). */
  knownBrowsers: (userId: string) => `browsers:${tagOf(userId)}`,
  /** The prefix of rate-limiter-flexible's counters: `rate:<what is counted>`. */
  rateLimits: 'rate',
  /** A mobile sign-in waiting for its step, by the token's digest. */
  mobileLogin: (step: string, digest: string) => `mobile-login:${step}:${digest}`,
  /** The one pending Face ID challenge of a device as asked with one secret: `<device id>:<digest of the secret>` (unlock-challenges.ts). */
  unlockChallenge: (asker: string) => `unlock-challenge:${asker}`,
  /** A Google ID token spent by a mobile sign-in, until it expires. */
  spentIdToken: (id: string) => `mobile:id-token:${id}`,
  /** What verifying a passkey's assertions needs, by the digest of its RP ID and credential id (passkey-keys.ts). */
  passkeyKey: (digest: string) => `passkey-key:${digest}`,
  /** A "this wasn't me" link being reported, by its digest, so that a double click reports once. */
  notMeReport: (digest: string) => `not-me:${digest}`,
  /** A single-use token of a kind (a Google state, a hand-off), by its digest. */
  singleUse: (kind: string, digest: string) => `${kind}:${digest}`,
} as const;
