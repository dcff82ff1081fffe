import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits, URL-safe: the secret of one link mailed to a user (an invitation's acceptance, a help request's confirmation). */
export function newLinkToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What is stored: a leaked table must not let anyone follow the link in the user's place. */
export function digestOfLinkToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
