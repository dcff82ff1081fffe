import { portalOrigin } from '@app/platform';
import { createHash, randomBytes } from 'node:crypto';
import { TenancyConfig } from './config';

/** 256 random bits, URL-safe: the secret of one link mailed to a user (an invitation's acceptance, a help request's confirmation). */
export function newLinkToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What is stored: a leaked table must not let anyone follow the link in the user's place. */
export function digestOfLinkToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Where the links tenancy mails open: the easy access host, which no firm
 * serves. A firm receives what is sent to its own host, a link's token
 * included, and a client's links may act at the other firms she belongs to.
 */
export function easyAccessOrigin(config: Pick<TenancyConfig, 'PORTAL_ORIGIN_TEMPLATE' | 'EASY_ACCESS_HOST'>): string {
  return portalOrigin(config.PORTAL_ORIGIN_TEMPLATE, config.EASY_ACCESS_HOST);
}
