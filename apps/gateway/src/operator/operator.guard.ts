import { DomainError, ErrorCode } from '@app/contracts';
import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { FastifyRequest } from 'fastify';
import { createHash, timingSafeEqual } from 'node:crypto';
import { GATEWAY_CONFIG, GatewayConfig } from '../config';
import { RateLimiter } from '../rate-limit/rate-limiter';
import { countedGuess } from '../rate-limit/token-guesses';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * The operator's bearer token, compared in constant time, on the easy access
 * host alone: a firm serves its own host (its TLS ends there), so a call of
 * the operator's tools to it would hand that firm the token, and with it
 * every company. Elsewhere the API is `404`, before any token is read. Wrong
 * tokens are counted per address (countedGuess); a request without a token
 * guesses nothing and is not counted.
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
    if (request.portal?.kind !== 'easy_access') throw new DomainError(ErrorCode.NotFound, 'The operator API answers on the easy access host.');
    const header = request.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
    if (!token || !(await countedGuess(this.limiter, 'operator', request.ip, timingSafeEqual(digest(token), this.expected)))) {
      throw new DomainError(ErrorCode.Unauthenticated, 'The operator token is missing or wrong.');
    }
    return true;
  }
}
