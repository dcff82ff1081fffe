import { DomainError, ErrorCode } from '@app/contracts';
import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { FastifyRequest } from 'fastify';
import { createHash, timingSafeEqual } from 'node:crypto';
import { GATEWAY_CONFIG, GatewayConfig } from '../config';
import { limitedAddress } from '../rate-limit/limited-address';
import { Limit, RateLimiter } from '../rate-limit/rate-limiter';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Wrong operator tokens from one address in 15 minutes: the operator's scripts send the right one. */
const WRONG_TOKENS_PER_ADDRESS = 10;

/**
 * The operator's bearer token, compared in constant time. The API answers on
 * every host, so wrong tokens are counted per address; past the limit even
 * the right one waits, else the guesser would know it by its answer. A
 * request without a token guesses nothing and is not counted.
 */
@Injectable()
export class OperatorGuard implements CanActivate {
  private readonly expected: Buffer;

  constructor(
    @Inject(GATEWAY_CONFIG) config: GatewayConfig,
    private readonly limiter: RateLimiter,
  ) {
    this.expected = digest(config.OPERATOR_TOKEN);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const header = request.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
    if (!token) throw unauthenticated();
    const guesses: Limit = { key: `operator-token-ip:${limitedAddress(request.ip)}`, max: WRONG_TOKENS_PER_ADDRESS, windowSeconds: 15 * 60 };
    await this.limiter.assertUnder(guesses);
    if (!timingSafeEqual(digest(token), this.expected)) {
      await this.limiter.hit(guesses);
      throw unauthenticated();
    }
    return true;
  }
}

const unauthenticated = () => new DomainError(ErrorCode.Unauthenticated, 'The operator token is missing or wrong.');
