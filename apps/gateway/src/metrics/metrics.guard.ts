import { DomainError, ErrorCode } from '@app/contracts';
import { metricsAccessOf } from '@app/platform';
import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { FastifyRequest } from 'fastify';
import { GATEWAY_CONFIG, GatewayConfig } from '../config';
import { limitedAddress } from '../rate-limit/limited-address';
import { Limit, RateLimiter } from '../rate-limit/rate-limiter';

/** Wrong metrics tokens from one address in 15 minutes: Prometheus sends the right one. */
const WRONG_TOKENS_PER_ADDRESS = 10;

/**
 * /metrics answers on every host of the public port: only Prometheus's bearer
 * token opens it, and without METRICS_TOKEN it is not there at all. Wrong
 * tokens are counted per address, as the operator's are (OperatorGuard):
 * past the limit even the right one waits, else the guesser would know it
 * by its answer. A request without credentials guesses nothing and is not counted.
 */
@Injectable()
export class MetricsGuard implements CanActivate {
  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    private readonly limiter: RateLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const { authorization } = request.headers;
    const access = metricsAccessOf(authorization, this.config.METRICS_TOKEN);
    if (access === 'not_served') throw new DomainError(ErrorCode.NotFound, 'Not found.');
    if (!authorization) throw unauthenticated();
    const guesses: Limit = { key: `metrics-token-ip:${limitedAddress(request.ip)}`, max: WRONG_TOKENS_PER_ADDRESS, windowSeconds: 15 * 60 };
    await this.limiter.assertUnder(guesses);
    if (access === 'refused') {
      await this.limiter.hit(guesses);
      throw unauthenticated();
    }
    return true;
  }
}

const unauthenticated = () => new DomainError(ErrorCode.Unauthenticated, 'The metrics token is missing or wrong.');
