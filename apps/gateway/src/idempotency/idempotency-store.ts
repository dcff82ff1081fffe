import { DomainError, ErrorCode } from '@app/contracts';
import { REDIS } from '@app/platform';
import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { digestOf } from '../digest';

/** How long an answer is replayed: 24 hours, as the IETF HTTPAPI draft suggests. */
const ANSWER_TTL_MS = 24 * 3_600_000;
/**
 * How long a request holds its key before it answered: far beyond any request
 * (a service waits RPC_TIMEOUT_MS), so a gateway that died mid-request frees
 * the key soon, and its retry is applied.
 */
const IN_FLIGHT_TTL_MS = 60_000;
/** GCM's full tag: a shorter one, were it accepted, would be easier to forge. */
const TAG_BYTES = 16;

export interface StoredAnswer {
  status: number;
  body: unknown;
}

/** What a key holds: the fingerprint of the request it was first used with, and its answer once there is one. */
export interface KeyUse {
  fingerprint: string;
  answer?: StoredAnswer;
}

/** As Redis holds a KeyUse: the answer sealed (AES-256-GCM: iv, tag, ciphertext, base64url, dot-separated). */
interface SealedUse {
  fingerprint: string;
  answer?: unknown;
}

/**
 * One caller's Idempotency-Key: the Redis entry named by its digest, and the
 * key that seals the answer, derived from the Idempotency-Key itself, which
 * Redis never holds. An answer may carry a secret (the operator's add-member
 * answers the activation link): a dump of Redis must not replay it, as it
 * replays no session or link elsewhere.
 */
export class IdempotencySlot {
  readonly entry: string;
  readonly sealingKey: Buffer;

  constructor(caller: string, idempotencyKey: string) {
    this.entry = `idem:${caller}:${digestOf(idempotencyKey)}`;
    this.sealingKey = Buffer.from(hkdfSync('sha256', idempotencyKey, caller, 'idempotent answer', 32));
  }

  seal(answer: StoredAnswer): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.sealingKey, iv, { authTagLength: TAG_BYTES });
    const data = Buffer.concat([cipher.update(JSON.stringify(answer), 'utf8'), cipher.final()]);
    return [iv, cipher.getAuthTag(), data].map((part) => part.toString('base64url')).join('.');
  }

  /**
   * @throws DomainError idempotency_key_reused when the kept answer cannot be
   * read (altered, or kept in clear by an earlier version): it is not replayed,
   * and the write is not applied again either; a new key applies it.
   */
  open(sealed: unknown): StoredAnswer {
    try {
      const [iv, tag, data] = String(sealed).split('.').map((part) => Buffer.from(part, 'base64url'));
      const decipher = createDecipheriv('aes-256-gcm', this.sealingKey, iv, { authTagLength: TAG_BYTES }).setAuthTag(tag);
      return JSON.parse(Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8')) as StoredAnswer;
    } catch {
      throw new DomainError(ErrorCode.IdempotencyKeyReused, "This Idempotency-Key's first answer cannot be read again: use a new key.");
    }
  }
}

/**
 * Idempotency keys in Redis, one entry each (`idem:<caller>:<hash of the key>`),
 * so a Redis Cluster finds each in one slot. The caller is part of the entry:
 * two companies (or admins) choosing the same key never meet.
 */
@Injectable()
export class IdempotencyStore {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  /** Takes the key for this request; returns the earlier use when there is one. */
  async claim(slot: IdempotencySlot, fingerprint: string): Promise<KeyUse | null> {
    const use: SealedUse = { fingerprint };
    for (let tries = 0; tries < 3; tries += 1) {
      if (await this.redis.set(slot.entry, JSON.stringify(use), 'PX', IN_FLIGHT_TTL_MS, 'NX')) return null;
      const earlier = await this.redis.get(slot.entry);
      // Gone between the two commands (it expired, or its request failed): try to take it again.
      if (earlier !== null) {
        const { fingerprint: first, answer } = JSON.parse(earlier) as SealedUse;
        return { fingerprint: first, answer: answer === undefined ? undefined : slot.open(answer) };
      }
    }
    return { fingerprint };
  }

  async keepAnswer(slot: IdempotencySlot, fingerprint: string, answer: StoredAnswer): Promise<void> {
    await this.redis.set(slot.entry, JSON.stringify({ fingerprint, answer: slot.seal(answer) } satisfies SealedUse), 'PX', ANSWER_TTL_MS);
  }

  /** After a failure: nothing was answered to keep, and the client's retry must be applied. */
  async release(slot: IdempotencySlot): Promise<void> {
    await this.redis.del(slot.entry);
  }
}
