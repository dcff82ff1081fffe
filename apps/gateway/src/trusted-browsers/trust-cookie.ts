import { FastifyReply, FastifyRequest } from 'fastify';
import { randomBytes } from 'node:crypto';
import { clearCookie, cookieOf, setCookie } from '../http/cookies';
import { digestOf } from '../digest';

/** Apart from the session's: signing out ends the session, not the trust the user chose. */
export const TRUST_COOKIE = 'portal_trust';

/** 32 random bytes in base64url: anything else in the cookie is no trust. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function newTrustToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The entry's id: a Redis dump or the sessions page holds no cookie to present. */
export const trustIdOf = (token: string): string => digestOf(token).slice(0, 22);

/** The id of the trust this browser presents, if its cookie has the shape of one. */
export function presentedTrustId(request: FastifyRequest): string | null {
  const token = cookieOf(request, TRUST_COOKIE);
  return token !== undefined && TOKEN_SHAPE.test(token) ? trustIdOf(token) : null;
}

/** HttpOnly and SameSite=Lax as the session's; it lasts as long as the trust. */
export function setTrustCookie(reply: FastifyReply, token: string, days: number, secure: boolean): void {
  setCookie(reply, TRUST_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, maxAge: days * 86_400 });
}

export function clearTrustCookie(reply: FastifyReply, secure: boolean): void {
  clearCookie(reply, TRUST_COOKIE, { httpOnly: true, sameSite: 'lax', secure });
}
