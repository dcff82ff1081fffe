import { REDIS } from '@app/platform';
import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { RedisKeys } from '../session/redis-keys';

/** What is kept of a browser the user trusted; the cookie's secret is not, only its digest (the entry's id). */
export interface TrustedBrowser {
  /** The user, also the key's: kept so that an entry read alone says whose it is. */
  u: string;
  /** The host it was trusted on (session-host.ts). */
  h: string;
  /** The credential version it was trusted under: a password change or reset, or 2FA turned on, ends it. */
  v: number;
  /** Created and ends, ms. */
  c: number;
  e: number;
  /** "Chrome · Linux", as the sessions list names a browser. */
  d: string | null;
}

/** Past this many, the oldest is forgotten: a script trusting browser after browser cannot grow the user's key. */
const MAX_PER_USER = 20;
/** The company's longest: the key lives as long as its newest entry can. */
const LONGEST_MS = 30 * 86_400_000;

/**
 * One Redis hash per user (under the user's hash tag), an entry per browser.
 * Gone entries are dropped as they are read; the key expires with the newest.
 */
@Injectable()
export class TrustedBrowserStore {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async add(id: string, entry: TrustedBrowser): Promise<void> {
    const key = RedisKeys.trustedBrowsers(entry.u);
    const kept = await this.list(entry.u, entry.c);
    const excess = kept.length - (MAX_PER_USER - 1);
    const oldest = excess > 0 ? kept.slice(-excess).map(([oldId]) => oldId) : [];
    const pipeline = this.redis.multi();
    if (oldest.length > 0) pipeline.hdel(key, ...oldest);
    await pipeline.hset(key, id, JSON.stringify(entry)).pexpire(key, LONGEST_MS).exec();
  }

  async find(userId: string, id: string): Promise<TrustedBrowser | null> {
    const raw = await this.redis.hget(RedisKeys.trustedBrowsers(userId), id);
    return raw === null ? null : (JSON.parse(raw) as TrustedBrowser);
  }

  /** The user's entries that have not ended, newest first. */
  async list(userId: string, now = Date.now()): Promise<[id: string, entry: TrustedBrowser][]> {
    const key = RedisKeys.trustedBrowsers(userId);
    const all = Object.entries(await this.redis.hgetall(key)).map(([id, raw]): [string, TrustedBrowser] => [id, JSON.parse(raw) as TrustedBrowser]);
    const ended = all.filter(([, entry]) => entry.e <= now).map(([id]) => id);
    if (ended.length > 0) await this.redis.hdel(key, ...ended);
    return all.filter(([, entry]) => entry.e > now).sort(([, a], [, b]) => b.c - a.c);
  }

  /** @returns whether there was such an entry */
  async remove(userId: string, id: string): Promise<boolean> {
    return (await this.redis.hdel(RedisKeys.trustedBrowsers(userId), id)) > 0;
  }

  async removeAll(userId: string): Promise<void> {
    await this.redis.del(RedisKeys.trustedBrowsers(userId));
  }
}
