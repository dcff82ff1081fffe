import { DomainError, ErrorCode } from '@app/contracts';
import { applyDecorators, CanActivate, ExecutionContext, Injectable, UseGuards } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';

/**
 * The app's routes answer on the easy access host alone, its API host (and
 * its passkeys' RP ID): on a company's host they would act, and answer the
 * client's portals, under a host that firm answers for.
 */
@Injectable()
export class AppHostGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    if (request.portal?.kind !== 'easy_access') throw new DomainError(ErrorCode.NotFound, "The app's API answers on the easy access host.");
    return true;
  }
}

export function OnAppHost(): ClassDecorator {
  return applyDecorators(UseGuards(AppHostGuard), ApiResponse({ status: 404, description: "not_found: on another host than the easy access host, the app's API host" }));
}
