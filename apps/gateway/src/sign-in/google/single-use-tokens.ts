import { REDIS } from '@app/platform';
import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { randomBytes } from 'node:crypto';
import { RedisKeys } from '../../session/redis-keys';
import { digestOf } from '../../digest';

/** A kind of single-use token: its Redis key prefix, its lifetime, and the type of what it holds. */
export interface SingleUseKind<T> {
  prefix: string;
  ttlSeconds: number;
  /** Only carries the type: tokens of a kind hold values of this type. */
  holds?: T;
}

export function singleUseKind<T>(prefix: string, ttlSeconds: number): SingleUseKind<T> {
  return { prefix, ttlSeconds };
}

/** The Redis key of a token: its SHA-256, so a Redis dump yields no usable token. */
export function singleUseKeyOf(kind: SingleUseKind<unknown>, token: string): string {
  return RedisKeys.singleUse(kind.prefix, digestOf(token));
}

/** Secrets that travel in a URL or an OAuth `state`; the first reader deletes them (GETDEL), so two racing uses cannot both succeed. */
@Injectable()
export class SingleUseTokens {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async issue<T>(kind: SingleUseKind<T>, value: T): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.redis.set(singleUseKeyOf(kind, token), JSON.stringify(value), 'EX', kind.ttlSeconds);
    return token;
  }

  /** @returns null for a token that is malformed, unknown, used or expired. */
  async take<T>(kind: SingleUseKind<T>, token: unknown): Promise<T | null> {
    if (!wellFormed(token)) return null;
    const stored = await this.redis.getdel(singleUseKeyOf(kind, token));
    return stored === null ? null : (JSON.parse(stored) as T);
  }

  /** What `take` would answer, leaving the token usable: for a page that shows what a token is about before the click that uses it. */
  async peek<T>(kind: SingleUseKind<T>, token: unknown): Promise<T | null> {
    if (!wellFormed(token)) return null;
    const stored = await this.redis.get(singleUseKeyOf(kind, token));
    return stored === null ? null : (JSON.parse(stored) as T);
  }
}

const wellFormed = (token: unknown): token is string => typeof token === 'string' && /^[A-Za-z0-9_-]{20,100}$/.test(token);
