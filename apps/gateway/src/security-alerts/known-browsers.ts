import { IdentityPatterns } from '@app/contracts';
import { REDIS, RpcClient } from '@app/platform';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import Redis from 'ioredis';
import { randomBytes } from 'node:crypto';
import { GATEWAY_CONFIG, GatewayConfig } from '../config';
import { cookieOf, setCookie } from '../http/cookies';
import { RedisKeys } from '../session/redis-keys';
import { hostTagOf } from '../session/session-host';
import { deviceLabelOf } from '../session/session-sightings';
import { digestOf } from '../digest';

/** A random id per browser, HttpOnly, kept as long as browsers allow: it says "seen before", and nothing else. */
export const BROWSER_COOKIE = 'portal_browser';
const BROWSER_DAYS = 400;
/**
 * Redis only spares identity a question, which it answers the same after any
 * time: a month keeps the users who come back often, and does not hold a key
 * for a year for each who signs in once (about 260 bytes each). A browser is
 * kept from its second sign-in on: most clients of a firm sign in a few times
 * a year, and a key for each of their first sign-ins would mostly be a key
 * nobody asks again. Identity's "lately", for the lock (BrowserSignedIn),
 * counts on hearing of a returning browser at least once in this time: the
 * set lasts a month from its first browser, not from its last.
 */
const CACHE_DAYS = 30;
const SHAPE = /^[A-Za-z0-9_-]{43}$/;

/**
 * "A sign-in from a browser not seen before": each completed web sign-in
 * names its browser (by the digest of its cookie and host) to identity, which keeps
 * the user's known browsers and records the alert. Redis remembers the
 * browsers that came back, so a returning one costs one SISMEMBER. The same
 * browsers are let by the lock that a stranger's password guesses put on
 * the user's email: identity, which keeps them all, is asked then.
 */
@Injectable()
export class KnownBrowsers {
  private readonly logger = new Logger('security-alerts');

  constructor(
    private readonly rpc: RpcClient,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  /**
   * Never fails the sign-in: an alert not recorded is logged; the sign-in,
   * already proved, goes on. The next sign-in of this browser tries again.
   */
  async noteSignIn(request: FastifyRequest, reply: FastifyReply, user: { id: string }, portal: string | null): Promise<void> {
    const presented = cookieOf(request, BROWSER_COOKIE);
    const known = presented !== undefined && SHAPE.test(presented);
    const secret = known ? presented : randomBytes(32).toString('base64url');
    if (!known) {
      setCookie(reply, BROWSER_COOKIE, secret, { httpOnly: true, sameSite: 'lax', secure: this.config.COOKIE_SECURE, maxAge: BROWSER_DAYS * 86_400 });
    }
    const browser = browserDigest(request, secret);
    const key = RedisKeys.knownBrowsers(user.id);
    try {
      if (known && (await this.redis.sismember(key, browser)) === 1) return;
      const sighting = { device: deviceLabelOf(request.headers['user-agent']), address: request.ip.slice(0, 64), portal };
      const formerly = known ? { formerly: digestOf(secret).slice(0, 22) } : {};
      const { known: seenBefore } = await this.rpc.request(IdentityPatterns.noteBrowser, { userId: user.id, browser, ...formerly, sighting });
      // The set's month runs from its first browser (NX): refreshed at every one added, it could answer for a browser for ever.
      if (seenBefore) await this.redis.multi().sadd(key, browser).pexpire(key, CACHE_DAYS * 86_400_000, 'NX').exec();
    } catch (error) {
      this.logger.warn(`The sign-in of user ${user.id} was not checked against their known browsers: ${(error as Error).message}`);
    }
  }

  /** The browsers kept as known go: identity is asked of each again at its next sign-in. */
  async forgetKnown(userId: string): Promise<void> {
    await this.redis.del(RedisKeys.knownBrowsers(userId));
  }

  /** This browser on this host, by the digest of its cookie; null when it presents none that could be ours. */
  browserOf(request: FastifyRequest): string | null {
    const presented = cookieOf(request, BROWSER_COOKIE);
    return presented !== undefined && SHAPE.test(presented) ? browserDigest(request, presented) : null;
  }

  /**
   * Whether this browser completed a sign-in as the owner of this email
   * lately (identity's known browsers, BrowserSignedIn): a lock on the email's
   * password guesses lets it by (LoginLimits). A cookie made up, or copied to
   * another host, names no such browser. Not knowing, as when identity does
   * not answer, lets nobody by.
   */
  async signedInWith(email: string, browser: string): Promise<boolean> {
    try {
      return (await this.rpc.request(IdentityPatterns.browserSignedIn, { email, browser })).signedIn;
    } catch (error) {
      this.logger.warn(`Whether a browser signed in with a locked email is not known: ${(error as Error).message}`);
      return false;
    }
  }
}

/** Each host its own browser: a firm receives the cookies sent to its host, and one replayed on another host must not pass for hers there. */
function browserDigest(request: FastifyRequest, secret: string): string {
  return digestOf(`${hostTagOf(request)}:${secret}`).slice(0, 22);
}
