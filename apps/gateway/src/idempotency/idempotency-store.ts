import { REDIS } from '@app/platform';
import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';

/** How long an answer is replayed: 24 hours, as the IETF HTTPAPI draft suggests. */
const ANSWER_TTL_MS = 24 * 3_600_000;
/**
 * How long a request holds its key before it answered: far beyond any request
 * (a service waits RPC_TIMEOUT_MS), so a gateway that died mid-request frees
 * the key soon, and its retry is applied.
 */
const IN_FLIGHT_TTL_MS = 60_000;

export interface StoredAnswer {
  status: number;
  body: unknown;
}

/** What a key holds: the fingerprint of the request it was first used with, and its answer once there is one. */
export interface KeyUse {
  fingerprint: string;
  answer?: StoredAnswer;
}

/**
 * Idempotency keys in Redis, one key each (`idem:<caller>:<hash of the key>`),
 * so a Redis Cluster finds each in one slot. The caller is part of the key:
 * two companies (or admins) choosing the same key never meet.
 */
@Injectable()
export class IdempotencyStore {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  /** Takes the key for this request; returns the earlier use when there is one. */
  async claim(key: string, fingerprint: string): Promise<KeyUse | null> {
    const use: KeyUse = { fingerprint };
    for (let tries = 0; tries < 3; tries += 1) {
      if (await this.redis.set(key, JSON.stringify(use), 'PX', IN_FLIGHT_TTL_MS, 'NX')) return null;
      const earlier = await this.redis.get(key);
      // Gone between the two commands (it expired, or its request failed): try to take it again.
      if (earlier !== null) return JSON.parse(earlier) as KeyUse;
    }
    return { fingerprint };
  }

  async keepAnswer(key: string, fingerprint: string, answer: StoredAnswer): Promise<void> {
    await this.redis.set(key, JSON.stringify({ fingerprint, answer } satisfies KeyUse), 'PX', ANSWER_TTL_MS);
  }

  /** After a failure: nothing was answered to keep, and the client's retry must be applied. */
  async release(key: string): Promise<void> {
    await this.redis.del(key);
  }
}
