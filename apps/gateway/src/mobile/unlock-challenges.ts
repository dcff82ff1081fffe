import { REDIS } from '@app/common';
import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { randomBytes } from 'node:crypto';

export const UNLOCK_CHALLENGE_SECONDS = 60;

const keyOf = (deviceId: string, challenge: string) => `unlock-challenge:${deviceId}:${challenge}`;

/** Single-use challenges for Face ID unlock: a captured signature cannot be replayed. */
@Injectable()
export class UnlockChallenges {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async issue(deviceId: string): Promise<string> {
    const challenge = randomBytes(32).toString('base64url');
    await this.redis.set(keyOf(deviceId, challenge), '1', 'EX', UNLOCK_CHALLENGE_SECONDS);
    return challenge;
  }

  /** @returns false when the challenge was never issued for this device, is used or has expired. */
  async consume(deviceId: string, challenge: string): Promise<boolean> {
    return (await this.redis.del(keyOf(deviceId, challenge))) === 1;
  }
}
