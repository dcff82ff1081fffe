import { DomainError, ErrorCode } from '@app/contracts';
import { REDIS, RedisClient, runScript } from '@app/platform';
import { Inject, Injectable } from '@nestjs/common';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { RedisKeys } from '../session/redis-keys';
import { GIVE_BACK_HIT, RESET_UNLESS_OVER } from '../session/redis-scripts';
import { perAddressAndNetwork } from './limited-address';

export interface Limit {
  /** Names what is counted, e.g. `login-ip:203.0.113.9`. */
  key: string;
  max: number;
  windowSeconds: number;
}

/**
 * Fixed windows in Redis (rate-limiter-flexible, Cluster-aware): shared by
 * every gateway process, gone when they expire. A window starts at its first
 * hit and is not prolonged by later ones, so its TTL is the truthful
 * Retry-After: an attacker who keeps knocking gains nothing and learns no less
 * than a patient user.
 */
@Injectable()
export class RateLimiter {
  private readonly limiters = new Map<string, RateLimiterRedis>();

  constructor(@Inject(REDIS) private readonly redis: RedisClient) {
    // A limiter defines rate-limiter-flexible's script on the client. An
    // auto-pipeline already open lacks a script defined after it: the command
    // fails, and ioredis then mismatches the pipeline's replies and throws
    // out of the process. Made here, at boot, it comes before any pipeline.
    this.limiterFor({ key: 'boot', max: 1, windowSeconds: 1 });
  }

  /**
   * Counts one more hit, over the limit too, as the old window did.
   * @throws DomainError rate_limited with { retryAfterSeconds } once over the limit
   */
  async hit(limit: Limit): Promise<void> {
    try {
      await this.limiterFor(limit).consume(limit.key);
    } catch (refusal) {
      // Redis out of reach rejects with its own error, which the filter answers 503.
      if (refusal instanceof RateLimiterRes) throw tooMany(refusal.msBeforeNext);
      throw refusal;
    }
  }

  /**
   * Counts a hit of `name` per client address (an IPv6 one's /64), and per
   * IPv6 /48 beside it (perAddressAndNetwork).
   * @throws DomainError rate_limited with { retryAfterSeconds } once either is over
   */
  async hitPerAddress(name: string, ip: string, max: number, windowSeconds: number): Promise<void> {
    await this.hitInTurn(perAddressAndNetwork(name, ip, max, windowSeconds));
  }

  /**
   * Counts each limit in turn, up to the first that refuses: an address's /64
   * refused spends nothing of its /48 (perAddressAndNetwork). Counted at
   * once, one /64 knocking on past its limit used up the budget its /48
   * shares with other subscribers, and locked them out.
   * @throws DomainError rate_limited with { retryAfterSeconds }
   */
  async hitInTurn(limits: Limit[]): Promise<void> {
    for (const limit of limits) await this.hit(limit);
  }

  /**
   * Refuses while the count is at the limit, without counting: for limits
   * that count failures only, whose next attempt must wait even if it is right.
   * @throws DomainError rate_limited with { retryAfterSeconds }
   */
  async assertUnder(limit: Limit): Promise<void> {
    const counted = await this.limiterFor(limit).get(limit.key);
    if (counted && counted.consumedPoints >= limit.max) throw tooMany(counted.msBeforeNext);
  }

  /** Takes one hit back, for an attempt that turned out to be none (its check could not be made). */
  async giveBack(limit: Limit): Promise<void> {
    await runScript(this.redis, GIVE_BACK_HIT, { keys: { counter: this.limiterFor(limit).getKey(limit.key) }, args: {} });
  }

  /** Resets the count unless it went over the limit: what a success does that must not lift a lock. */
  async resetUnlessOver(limit: Limit): Promise<void> {
    await runScript(this.redis, RESET_UNLESS_OVER, { keys: { counter: this.limiterFor(limit).getKey(limit.key) }, args: { max: limit.max } });
  }

  /** One limiter per shape of limit: the counts live in Redis, these hold only the settings. */
  private limiterFor({ max, windowSeconds }: Limit): RateLimiterRedis {
    const shape = `${max}/${windowSeconds}`;
    let limiter = this.limiters.get(shape);
    if (!limiter) {
      limiter = new RateLimiterRedis({ storeClient: this.redis, keyPrefix: RedisKeys.rateLimits, points: max, duration: windowSeconds });
      this.limiters.set(shape, limiter);
    }
    return limiter;
  }
}

function tooMany(msBeforeNext: number): DomainError {
  const retryAfterSeconds = Math.max(Math.ceil(msBeforeNext / 1000), 1);
  return new DomainError(ErrorCode.RateLimited, `Too many attempts. Try again in ${retryAfterSeconds} seconds.`, {
    retryAfterSeconds,
  });
}
