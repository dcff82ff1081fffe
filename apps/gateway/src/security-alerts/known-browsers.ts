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
 * nobody asks again.
 */
const CACHE_DAYS = 30;
/**
 * How long a browser's sign-in lets it by the lock on its email's password
 * guesses, counted from its own last sign-in. Written at every sign-in, the
 * first included, unlike the cache: a client who signed in once must not be
 * locked out by a stranger's guesses. One sorted set per user who signed in
 * within the month, by time of sign-in, a few hundred bytes.
 */
const LET_BY_DAYS = 30;
/** The browsers kept per email, the newest: a user signs in from a few; whoever signs in again and again without a cookie must not grow the set. */
const LET_BY_BROWSERS = 20;
const SHAPE = /^[A-Za-z0-9_-]{43}$/;

/**
 * "A sign-in from a browser not seen before": each completed web sign-in
 * names its browser (by the digest of its cookie and host) to identity, which keeps
 * the user's known browsers and records the alert. Redis remembers the
 * browsers that came back, so a returning one costs one SISMEMBER. Each
 * sign-in also names its browser under the user's email, which lets it by
 * the lock that a stranger's password guesses put on that email.
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
  async noteSignIn(request: FastifyRequest, reply: FastifyReply, user: { id: string; email: string }, portal: string | null): Promise<void> {
    const presented = cookieOf(request, BROWSER_COOKIE);
    const known = presented !== undefined && SHAPE.test(presented);
    const secret = known ? presented : randomBytes(32).toString('base64url');
    if (!known) {
      setCookie(reply, BROWSER_COOKIE, secret, { httpOnly: true, sameSite: 'lax', secure: this.config.COOKIE_SECURE, path: '/', maxAge: BROWSER_DAYS * 86_400 });
    }
    const browser = browserDigest(request, secret);
    const key = RedisKeys.knownBrowsers(user.id);
    const signedInHere = RedisKeys.signInBrowsers(user.email);
    try {
      // Sent together, these reach Redis as one pipeline.
      const [seen] = await Promise.all([
        known && this.redis.sismember(key, browser),
        this.redis
          .multi()
          .zadd(signedInHere, Date.now(), browser)
          .zremrangebyscore(signedInHere, '-inf', Date.now() - LET_BY_DAYS * 86_400_000)
          .zremrangebyrank(signedInHere, 0, -LET_BY_BROWSERS - 1)
          .pexpire(signedInHere, LET_BY_DAYS * 86_400_000)
          .exec(),
      ]);
      if (seen === 1) return;
      const sighting = { device: deviceLabelOf(request.headers['user-agent']), address: request.ip.slice(0, 64), portal };
      const formerly = known ? { formerly: digestOf(secret).slice(0, 22) } : {};
      const { known: seenBefore } = await this.rpc.request(IdentityPatterns.noteBrowser, { userId: user.id, browser, ...formerly, sighting });
      if (seenBefore) await this.redis.multi().sadd(key, browser).pexpire(key, CACHE_DAYS * 86_400_000).exec();
    } catch (error) {
      this.logger.warn(`The sign-in of user ${user.id} was not checked against their known browsers: ${(error as Error).message}`);
    }
  }

  /** This browser on this host, by the digest of its cookie; null when it presents none that could be ours. */
  browserOf(request: FastifyRequest): string | null {
    const presented = cookieOf(request, BROWSER_COOKIE);
    return presented !== undefined && SHAPE.test(presented) ? browserDigest(request, presented) : null;
  }

  /**
   * Whether this browser completed a sign-in as the owner of this email in
   * the last 30 days: a lock on the email's password guesses lets it by
   * (LoginLimits). A cookie made up, or copied to another host, names no such browser.
   */
  async signedInWith(email: string, browser: string): Promise<boolean> {
    const signedInAt = await this.redis.zscore(RedisKeys.signInBrowsers(email), browser);
    return signedInAt !== null && Number(signedInAt) > Date.now() - LET_BY_DAYS * 86_400_000;
  }
}

/** Each host its own browser: a firm receives the cookies sent to its host, and one replayed on another host must not pass for hers there. */
function browserDigest(request: FastifyRequest, secret: string): string {
  return digestOf(`${hostTagOf(request)}:${secret}`).slice(0, 22);
}
