import { randomBytes } from 'node:crypto';
import { digestOf } from '../digest';

/**
 * A session token starts with its user's id (16 bytes, 22 characters of
 * base64url), then 32 random bytes: the gateway builds the keys of a session
 * from its token alone, all under the user's hash tag, so that reading a
 * session and its user's record is one script on one Cluster slot, in one
 * round trip. The user id is no secret from the token's holder.
 */
const USER_PART = 22;
const TOKEN_LENGTH = USER_PART + 43;

/** A user id in 22 characters: the start of their tokens and session ids, and the hash tag of their keys. */
export const compactOf = (userId: string) => Buffer.from(userId.replace(/-/g, ''), 'hex').toString('base64url');

function userIdOfCompact(compact: string): string | null {
  const hex = Buffer.from(compact, 'base64url').toString('hex');
  if (hex.length !== 32 || compactOf(hex) !== compact) return null;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function newSessionToken(userId: string): string {
  return compactOf(userId) + randomBytes(32).toString('base64url');
}

/**
 * The public id of a session: its user's part, then 132 bits of the token's
 * SHA-256, so that a Redis dump yields no usable token. The index of the
 * user's sessions holds the digest part only (its entry).
 * @returns null for a token of another shape, such as those of versions before hash tags
 */
export function sessionIdOf(token: string): string | null {
  if (token.length !== TOKEN_LENGTH || !userIdOfCompact(token.slice(0, USER_PART))) return null;
  return token.slice(0, USER_PART) + digestOf(token).slice(0, 22);
}

/** The user of a session id, and the session's entry in that user's index; null for an id of another shape. */
export function partsOfSessionId(id: string): { userId: string; entry: string } | null {
  const userId = id.length === USER_PART + 22 ? userIdOfCompact(id.slice(0, USER_PART)) : null;
  return userId ? { userId, entry: id.slice(USER_PART) } : null;
}

/** The public id of the session at `entry` in `userId`'s index. */
export function sessionIdAt(userId: string, entry: string): string {
  return compactOf(userId) + entry;
}
