import { FastifyReply, FastifyRequest } from 'fastify';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { clearCookie, cookieOf, setCookie } from '../../http/cookies';
import { digestOf } from '../../digest';

/**
 * Ties a Google sign-in to the browser that began it (RFC 9700, 4.7.1): the
 * `state` and the handoff token are honoured only next to this cookie, so a
 * link carrying someone else's code or token signs no one in.
 */
const BINDING_COOKIE = 'portal_google';
/**
 * The starting host's cookie must outlive the state (10 minutes at Google) and
 * then the join question (10 minutes on the easy access host), or a person who
 * answered late would be linked and joined, and then refused by the handoff.
 */
const BINDING_MAX_AGE_SECONDS = 20 * 60;

/** Sets a fresh binding cookie on this host. @returns its hash, to store server-side. */
export function bindBrowser(reply: FastifyReply, secure: boolean): string {
  const value = randomBytes(32).toString('base64url');
  setCookie(reply, BINDING_COOKIE, value, { httpOnly: true, sameSite: 'lax', secure, maxAge: BINDING_MAX_AGE_SECONDS });
  return digestOf(value);
}

export function isBoundTo(request: FastifyRequest, bindingHash: string): boolean {
  const value = cookieOf(request, BINDING_COOKIE);
  if (!value) return false;
  const presented = Buffer.from(digestOf(value));
  const expected = Buffer.from(bindingHash);
  return presented.length === expected.length && timingSafeEqual(presented, expected);
}

export function unbindBrowser(reply: FastifyReply, secure: boolean): void {
  clearCookie(reply, BINDING_COOKIE, { httpOnly: true, sameSite: 'lax', secure });
}
