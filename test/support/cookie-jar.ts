export interface StoredCookie {
  name: string;
  value: string;
  httpOnly: boolean;
  secure: boolean;
  sameSite?: string;
  path: string;
  expiresAt?: number;
}

/**
 * The cookies of one browser on one host. Like a browser: a cookie set with
 * Max-Age=0 or a past Expires is deleted, and a Secure cookie is not sent over
 * plain HTTP.
 */
export class CookieJar {
  private readonly cookies = new Map<string, StoredCookie>();

  store(setCookieHeaders: string[] | undefined, now = Date.now()): void {
    for (const header of setCookieHeaders ?? []) {
      const cookie = parseSetCookie(header, now);
      if (!cookie) continue;
      if (cookie.expiresAt !== undefined && cookie.expiresAt <= now) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie);
    }
  }

  /** The Cookie header for a request over plain HTTP, or undefined when there is none to send. */
  header(path: string, now = Date.now()): string | undefined {
    const sent = this.all(now).filter((cookie) => !cookie.secure && path.startsWith(cookie.path));
    return sent.length > 0 ? sent.map((cookie) => `${cookie.name}=${cookie.value}`).join('; ') : undefined;
  }

  get(name: string): StoredCookie | undefined {
    return this.all().find((cookie) => cookie.name === name);
  }

  all(now = Date.now()): StoredCookie[] {
    return [...this.cookies.values()].filter((cookie) => cookie.expiresAt === undefined || cookie.expiresAt > now);
  }

  /** Plants a cookie, as another browser or an attacker could. */
  set(name: string, value: string): void {
    this.cookies.set(name, { name, value, httpOnly: false, secure: false, path: '/' });
  }

  clear(): void {
    this.cookies.clear();
  }
}

export function parseSetCookie(header: string, now: number): StoredCookie | undefined {
  const [pair, ...attributes] = header.split(';');
  const equals = pair.indexOf('=');
  if (equals <= 0) return undefined;
  const cookie: StoredCookie = {
    name: pair.slice(0, equals).trim(),
    value: pair.slice(equals + 1).trim(),
    httpOnly: false,
    secure: false,
    path: '/',
  };
  let maxAge: number | undefined;
  let expires: number | undefined;
  for (const attribute of attributes) {
    const [rawKey, ...rest] = attribute.split('=');
    const key = rawKey.trim().toLowerCase();
    const value = rest.join('=').trim();
    if (key === 'httponly') cookie.httpOnly = true;
    else if (key === 'secure') cookie.secure = true;
    else if (key === 'samesite') cookie.sameSite = value;
    else if (key === 'path' && value.startsWith('/')) cookie.path = value;
    else if (key === 'max-age' && /^-?\d+$/.test(value)) maxAge = Number(value);
    else if (key === 'expires' && !Number.isNaN(Date.parse(value))) expires = Date.parse(value);
  }
  // Max-Age wins over Expires (RFC 6265, 5.3).
  if (maxAge !== undefined) cookie.expiresAt = maxAge <= 0 ? now - 1 : now + maxAge * 1000;
  else if (expires !== undefined) cookie.expiresAt = expires;
  return cookie;
}
