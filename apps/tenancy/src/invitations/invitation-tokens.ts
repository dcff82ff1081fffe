import { createHash, randomBytes } from 'node:crypto';

/** How long an acceptance link stays valid. */
export const INVITATION_VALID_DAYS = 7;

/** 256 random bits, URL-safe: the secret of one acceptance link. */
export function newInvitationToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What is stored: a leaked table must not let anyone accept in the user's place. */
export function hashOfInvitationToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
