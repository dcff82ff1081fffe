import { DomainError, ErrorCode, ProvenFactor } from '@app/contracts';
import { REDIS } from '@app/platform';
import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { randomBytes } from 'node:crypto';
import { RedisKeys } from '../../session/redis-keys';
import { digestOf } from '../../digest';

export type MobileLoginStep = 'totp' | 'create_pin';

export interface MobileLogin {
  /** Public id of the token (its hash): scopes the second-factor attempt counter. */
  id: string;
  userId: string;
  /** As seen at sign-in: a password changed before the device is registered refuses it. */
  credentialVersion: number;
  next: MobileLoginStep;
  /** Proved so far: the device registered at the end keeps them. */
  factors: ProvenFactor[];
}

/** Long enough to find the authenticator app, short enough that a lost token soon means nothing. */
const LOGIN_TOKEN_SECONDS = 600;

/** The step is part of the key: a token shown at the wrong step is not even found, so it is not spent either. */
const keyOf = (step: MobileLoginStep, id: string) => RedisKeys.mobileLogin(step, id);

/** The mobile sign-in in progress: each token serves one step and is replaced by the next. */
@Injectable()
export class MobileLoginTokens {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async issue(login: Omit<MobileLogin, 'id'>): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.redis.set(keyOf(login.next, digestOf(token)), JSON.stringify(login), 'EX', LOGIN_TOKEN_SECONDS);
    return token;
  }

  /** @throws DomainError unauthenticated unless the token waits for `step`. */
  async peek(token: string, step: MobileLoginStep): Promise<MobileLogin> {
    return this.expect(token, step, await this.redis.get(keyOf(step, digestOf(token))));
  }

  /** Takes the token for good: a second use of the same token fails, even when two race. */
  async consume(token: string, step: MobileLoginStep): Promise<MobileLogin> {
    return this.expect(token, step, await this.redis.getdel(keyOf(step, digestOf(token))));
  }

  async discard(login: MobileLogin): Promise<void> {
    await this.redis.del(keyOf(login.next, login.id));
  }

  private expect(token: string, step: MobileLoginStep, stored: string | null): MobileLogin {
    const login = stored ? (JSON.parse(stored) as Omit<MobileLogin, 'id'>) : null;
    if (login?.next !== step) throw new DomainError(ErrorCode.Unauthenticated, 'This sign-in has expired: sign in again.');
    return { id: digestOf(token), ...login };
  }
}
