import { REDIS, runScript } from '@app/platform';
import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { createHash, randomBytes } from 'node:crypto';
import { RateLimiter } from '../rate-limit/rate-limiter';
import { RedisKeys } from '../session/redis-keys';
import { CONSUME_UNLOCK_CHALLENGE } from '../session/redis-scripts';

export const UNLOCK_CHALLENGE_SECONDS = 60;
/** Challenges asked for from one address per minute: a phone asks one per unlock; a few share an address behind NAT. */
export const CHALLENGES_PER_ADDRESS_PER_MINUTE = 30;
/** Challenges for one device per minute, from any address: an attacker cannot keep replacing a device's challenge. */
export const CHALLENGES_PER_DEVICE_PER_MINUTE = 10;

const keyOf = RedisKeys.unlockChallenge;
const digest = (challenge: string) => createHash('sha256').update(challenge).digest('hex');

/**
 * Single-use challenges for Face ID unlock: a captured signature cannot be
 * replayed. Asking needs no credential, so it is limited per address and per
 * device, and a device holds one pending challenge, the newest: Redis holds
 * at most one key per device id asked for within the limits. A device id that
 * does not exist costs the same (no lookup), so the answer tells nothing.
 */
@Injectable()
export class UnlockChallenges {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly limiter: RateLimiter,
  ) {}

  /** @throws DomainError rate_limited, with the seconds left of the window. */
  async issue(deviceId: string, address: string): Promise<string> {
    // The address first: over its limit, it creates no per-device counter either.
    await this.limiter.hit({ key: `unlock-challenge-ip:${address}`, max: CHALLENGES_PER_ADDRESS_PER_MINUTE, windowSeconds: 60 });
    await this.limiter.hit({ key: `unlock-challenge-device:${deviceId}`, max: CHALLENGES_PER_DEVICE_PER_MINUTE, windowSeconds: 60 });
    const challenge = randomBytes(32).toString('base64url');
    await this.redis.set(keyOf(deviceId), digest(challenge), 'EX', UNLOCK_CHALLENGE_SECONDS);
    return challenge;
  }

  /** @returns false when the challenge is not this device's pending one: never issued, replaced, used or expired. */
  async consume(deviceId: string, challenge: string): Promise<boolean> {
    return (await runScript(this.redis, CONSUME_UNLOCK_CHALLENGE, { keys: { challenge: keyOf(deviceId) }, args: { digest: digest(challenge) } })) === 1;
  }
}
