import { FastifyReply, FastifyRequest } from 'fastify';
import { parse, serialize, SerializeOptions } from 'cookie';

export type CookieOptions = Pick<SerializeOptions, 'httpOnly' | 'sameSite' | 'secure' | 'path' | 'maxAge'>;

export function cookieOf(request: FastifyRequest, name: string): string | undefined {
  const header = request.headers.cookie;
  return header ? parse(header)[name] : undefined;
}

/** `maxAge` in seconds; Set-Cookie headers add up, one per cookie. */
export function setCookie(reply: FastifyReply, name: string, value: string, options: CookieOptions): void {
  const expires = options.maxAge === undefined ? undefined : new Date(Date.now() + options.maxAge * 1000);
  void reply.header('Set-Cookie', serialize(name, value, { ...options, expires }));
}

export function clearCookie(reply: FastifyReply, name: string, options: Omit<CookieOptions, 'maxAge'>): void {
  void reply.header('Set-Cookie', serialize(name, '', { ...options, expires: new Date(0) }));
}
