import { DomainError, ErrorCode, REDIS } from '@app/common';
import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';

export interface Limit {
  /** Names what is counted, e.g. `login-ip:203.0.113.9`. */
  key: string;
  max: number;
  windowSeconds: number;
}

/** Never below zero: a reset may have come in between. */
const GIVE_BACK = `if tonumber(redis.call('GET', KEYS[1]) or 0) > 0 then redis.call('DECR', KEYS[1]) end`;

/** Fixed windows in Redis: shared by every gateway process, gone when they expire. */
@Injectable()
export class RateLimiter {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  /** Counts one more hit. @throws DomainError rate_limited once over the limit. */
  async hit(limit: Limit): Promise<void> {
    const key = `rate:${limit.key}`;
    const [[, count], [, ttl]] = (await this.redis
      .multi()
      .incr(key)
      .expire(key, limit.windowSeconds, 'NX')
      .ttl(key)
      .exec()) as [[null, number], [null, number], [null, number]];
    if (count > limit.max) throw tooMany(ttl);
  }

  /** Takes one hit back, for an attempt that turned out to be none (its check could not be made). */
  async giveBack(limit: Limit): Promise<void> {
    await this.redis.eval(GIVE_BACK, 1, `rate:${limit.key}`);
  }

  async reset(limit: Limit): Promise<void> {
    await this.redis.del(`rate:${limit.key}`);
  }
}

function tooMany(ttlSeconds: number): DomainError {
  const retryAfterSeconds = Math.max(ttlSeconds, 1);
  return new DomainError(ErrorCode.RateLimited, `Too many attempts. Try again in ${retryAfterSeconds} seconds.`, {
    retryAfterSeconds,
  });
}
