import { DomainError, ErrorCode } from '@app/contracts';
import { REDIS } from '@app/platform';
import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { JWTPayload } from 'jose';
import { RedisKeys } from '../../session/redis-keys';
import { digestOf } from '../../digest';

/**
 * A Google ID token is a bearer credential until it expires: one captured on
 * its way (a proxy's log, a phone's traffic) would sign in again and again.
 * Each one is accepted once, remembered in Redis (so by every gateway process)
 * until its `exp`, by its `jti`, or by the hash of the whole token without one.
 */
@Injectable()
export class IdTokenReplayGuard {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  /**
   * Call only with a verified token: an unverified one would let anyone spend tokens they did not hold.
   * @throws DomainError id_token_replayed for a token already used
   */
  async spend(idToken: string, claims: JWTPayload): Promise<void> {
    const secondsLeft = Math.max((claims.exp ?? 0) - Math.floor(Date.now() / 1000), 1);
    const id = claims.jti ? `jti:${claims.iss}:${claims.jti}` : `sha256:${digestOf(idToken)}`;
    const first = await this.redis.set(RedisKeys.spentIdToken(id), '1', 'EX', secondsLeft, 'NX');
    if (first !== 'OK') throw new DomainError(ErrorCode.IdTokenReplayed, 'This Google ID token was already used: sign in with Google again.');
  }
}
