import { DomainError, ErrorCode } from '@app/contracts';
import { metricsAccessOf } from '@app/platform';
import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { FastifyRequest } from 'fastify';
import { GATEWAY_CONFIG, GatewayConfig } from '../config';

/**
 * /metrics answers on every host of the public port: only Prometheus's bearer
 * token opens it, and without METRICS_TOKEN it is not there at all.
 */
@Injectable()
export class MetricsGuard implements CanActivate {
  constructor(@Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const access = metricsAccessOf(context.switchToHttp().getRequest<FastifyRequest>().headers.authorization, this.config.METRICS_TOKEN);
    if (access === 'not_served') throw new DomainError(ErrorCode.NotFound, 'Not found.');
    if (access === 'refused') throw new DomainError(ErrorCode.Unauthenticated, 'The metrics token is missing or wrong.');
    return true;
  }
}
