import { DomainError, ErrorCode } from '@app/contracts';
import { applyDecorators, CanActivate, ExecutionContext, Injectable, UseGuards } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { MeService } from '../member-view/me.service';
import { SignedIn, UNAUTHENTICATED } from '../session/session.guard';

/** An admin acts only on the host of the company they administer, in a session of that company. */
@Injectable()
export class AdminGuard implements CanActivate {
  constructor(private readonly meService: MeService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const session = request.auth!;
    const portal = request.portal;
    const forbidden = new DomainError(ErrorCode.Forbidden, 'Only an admin of this portal may do this.');
    if (portal?.kind !== 'company' || session.record.companyId !== portal.company.id) throw forbidden;
    const { member } = await this.meService.portalViewOf(session);
    if (member.role !== 'admin') throw forbidden;
    return true;
  }
}

export function AdminOnly(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SignedIn(),
    UseGuards(AdminGuard),
    ApiResponse({ status: 401, description: UNAUTHENTICATED }),
    ApiResponse({ status: 403, description: 'forbidden: not an admin of this portal' }),
  );
}
