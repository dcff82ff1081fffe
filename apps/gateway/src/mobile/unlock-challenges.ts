import { REDIS, runScript } from '@app/platform';
import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { createHash, randomBytes } from 'node:crypto';
import { RateLimiter } from '../rate-limit/rate-limiter';
import { RedisKeys } from '../session/redis-keys';
import { CONSUME_UNLOCK_CHALLENGE } from '../session/redis-scripts';

export const UNLOCK_CHALLENGE_SECONDS = 60;

export interface DeviceOfChallenge {
  deviceId: string;
  deviceSecret: string;
}
/** Challenges asked for from one address per minute: a phone asks one per unlock; a few share an address behind NAT. */
export const CHALLENGES_PER_ADDRESS_PER_MINUTE = 30;
/** Challenges for one device and secret per minute, from any address. */
export const CHALLENGES_PER_DEVICE_PER_MINUTE = 10;

const digest = (value: string) => createHash('sha256').update(value).digest('hex');
/** A device as asked for with this secret: a stranger, who does not hold the phone's, asks apart from it. */
const askerOf = ({ deviceId, deviceSecret }: DeviceOfChallenge) => `${deviceId}:${digest(deviceSecret).slice(0, 22)}`;

/**
 * Single-use challenges for Face ID unlock: a captured signature cannot be
 * replayed. Asking names the device and its secret, which is checked only at
 * the unlock (no lookup here: a device that does not exist, or a wrong
 * secret, costs the same, so the answer tells nothing). The device's id is
 * no secret, it is listed with the user's devices: the pending challenge and
 * its limit are therefore kept per device and secret, so that a stranger's
 * asks neither replace the phone's challenge nor use up its limit. Limited
 * per address too; each holds one pending challenge, the newest: Redis
 * holds at most one key per device and secret asked for within the limits.
 */
@Injectable()
export class UnlockChallenges {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly limiter: RateLimiter,
  ) {}

  /** @throws DomainError rate_limited, with the seconds left of the window. */
  async issue(device: DeviceOfChallenge, address: string): Promise<string> {
    const asker = askerOf(device);
    // The address first: over its limit, it creates no per-device counter either.
    await this.limiter.hitPerAddress('unlock-challenge', address, CHALLENGES_PER_ADDRESS_PER_MINUTE, 60);
    await this.limiter.hit({ key: `unlock-challenge-device:${asker}`, max: CHALLENGES_PER_DEVICE_PER_MINUTE, windowSeconds: 60 });
    const challenge = randomBytes(32).toString('base64url');
    await this.redis.set(RedisKeys.unlockChallenge(asker), digest(challenge), 'EX', UNLOCK_CHALLENGE_SECONDS);
    return challenge;
  }

  /** @returns false when the challenge is not the pending one of this device and secret: never issued, replaced, used or expired. */
  async consume(device: DeviceOfChallenge, challenge: string): Promise<boolean> {
    const pending = { challenge: RedisKeys.unlockChallenge(askerOf(device)) };
    return (await runScript(this.redis, CONSUME_UNLOCK_CHALLENGE, { keys: pending, args: { digest: digest(challenge) } })) === 1;
  }
}
