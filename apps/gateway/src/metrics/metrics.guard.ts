import { DomainError, ErrorCode } from '@app/contracts';
import { metricsAccessOf } from '@app/platform';
import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { FastifyRequest } from 'fastify';
import { GATEWAY_CONFIG, GatewayConfig } from '../config';
import { RateLimiter } from '../rate-limit/rate-limiter';
import { countedGuess } from '../rate-limit/token-guesses';

/**
 * /metrics answers on every host of the public port: only Prometheus's bearer
 * token opens it, and without METRICS_TOKEN it is not there at all. Wrong
 * tokens are counted per address (countedGuess); a request without
 * credentials guesses nothing and is not counted.
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
    if (!authorization || !(await countedGuess(this.limiter, 'metrics', request.ip, access === 'allowed'))) {
      throw new DomainError(ErrorCode.Unauthenticated, 'The metrics token is missing or wrong.');
    }
    return true;
  }
}
