import { DomainError, ErrorCode } from '@app/contracts';
import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { FastifyRequest } from 'fastify';
import { createHash, timingSafeEqual } from 'node:crypto';
import { GATEWAY_CONFIG, GatewayConfig } from '../config';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** The operator's bearer token, compared in constant time. */
@Injectable()
export class OperatorGuard implements CanActivate {
  private readonly expected: Buffer;

  constructor(@Inject(GATEWAY_CONFIG) config: GatewayConfig) {
    this.expected = digest(config.OPERATOR_TOKEN);
  }

  canActivate(context: ExecutionContext): boolean {
    const header = context.switchToHttp().getRequest<FastifyRequest>().headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : '';
    if (!token || !timingSafeEqual(digest(token), this.expected)) {
      throw new DomainError(ErrorCode.Unauthenticated, 'The operator token is missing or wrong.');
    }
    return true;
  }
}
