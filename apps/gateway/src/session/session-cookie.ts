import { FastifyReply, FastifyRequest } from 'fastify';
import { clearCookie, cookieOf, setCookie } from '../http/cookies';

export const SESSION_COOKIE = 'portal_session';

export function sessionTokenFromCookie(request: FastifyRequest): string | undefined {
  return cookieOf(request, SESSION_COOKIE);
}

export function bearerToken(request: FastifyRequest): string | undefined {
  const match = /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(request.headers.authorization ?? '');
  return match?.[1];
}

/** HttpOnly and SameSite=Lax: scripts cannot read it and cross-site posts do not carry it. */
export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean): void {
  setCookie(reply, SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  clearCookie(reply, SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure });
}
