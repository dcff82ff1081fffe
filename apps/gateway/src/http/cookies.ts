import { FastifyReply, FastifyRequest } from 'fastify';
import { parse, serialize, SerializeOptions } from 'cookie';

/** Every cookie is the whole host's (Path=/), so that behind TLS it can be host-only (see named). */
export type CookieOptions = Pick<SerializeOptions, 'httpOnly' | 'sameSite' | 'secure' | 'maxAge'>;

/**
 * Secure cookies (COOKIE_SECURE) carry the `__Host-` prefix: a browser keeps
 * such a cookie only from the very host that set it, Secure, at Path=/ and
 * without Domain. A sibling host under the same registrable domain (a firm
 * serving firm.portal.example from its own server) could otherwise set a
 * cookie for the whole domain: its own session in a client's browser
 * (session fixation), or one shadowing hers. The gateway reads no other name.
 */
function named(name: string, secure: boolean | undefined): string {
  return secure ? `__Host-${name}` : name;
}

export function cookieOf(request: FastifyRequest, name: string): string | undefined {
  const header = request.headers.cookie;
  return header ? parse(header)[named(name, request.secureCookies)] : undefined;
}

/** `maxAge` in seconds; Set-Cookie headers add up, one per cookie. */
export function setCookie(reply: FastifyReply, name: string, value: string, options: CookieOptions): void {
  const expires = options.maxAge === undefined ? undefined : new Date(Date.now() + options.maxAge * 1000);
  void reply.header('Set-Cookie', serialize(named(name, options.secure), value, { ...options, path: '/', expires }));
}

export function clearCookie(reply: FastifyReply, name: string, options: Omit<CookieOptions, 'maxAge'>): void {
  void reply.header('Set-Cookie', serialize(named(name, options.secure), '', { ...options, path: '/', expires: new Date(0) }));
}
