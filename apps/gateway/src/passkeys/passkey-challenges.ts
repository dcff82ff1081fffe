import { REDIS } from '@app/platform';
import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { digestOf } from '../digest';

export const PASSKEY_CHALLENGE_SECONDS = 5 * 60;

export type Ceremony = 'registration' | 'authentication';

/** What a challenge was issued for: a ceremony on one host, for one user or (usernameless sign-in) for whoever answers. */
export interface PendingCeremony {
  rpId: string;
  userId: string | null;
}

/** Keyed by the challenge's SHA-256: a Redis dump holds no challenge to answer. The app's key prefix is added by the client. */
const keyOf = (ceremony: Ceremony, challenge: string) =>
  `passkey-${ceremony}:${digestOf(challenge)}`;

/**
 * WebAuthn challenges, single use and short-lived. They are found again by
 * the challenge the authenticator signed (in clientDataJSON), so a ceremony
 * needs no session yet: usernameless sign-in starts with none.
 */
@Injectable()
export class PasskeyChallenges {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async remember(ceremony: Ceremony, challenge: string, pending: PendingCeremony): Promise<void> {
    await this.redis.set(keyOf(ceremony, challenge), JSON.stringify(pending), 'EX', PASSKEY_CHALLENGE_SECONDS);
  }

  /** GETDEL: of two answers racing with one challenge, one gets it. @returns null when unknown, used or expired. */
  async take(ceremony: Ceremony, challenge: string): Promise<PendingCeremony | null> {
    const stored = await this.redis.getdel(keyOf(ceremony, challenge));
    return stored === null ? null : (JSON.parse(stored) as PendingCeremony);
  }
}
