import { DomainError, ErrorCode } from '@app/contracts';
import { applyDecorators, CanActivate, ExecutionContext, Injectable, UseGuards } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { MeService } from '../member-view/me.service';
import { ProofRequired, REAUTHENTICATION_REQUIRED, SignedIn, UNAUTHENTICATED } from '../session/session.guard';

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

/**
 * An admin's change that opens the portal to someone (an invitation, accounts
 * granted), takes an invitation back, or changes its security settings: as the 2FA
 * disable, it asks that the session proved who is there in the last minutes,
 * since an admin's session left open, or its cookie stolen, is not enough.
 */
export function AdminChange(): MethodDecorator {
  return applyDecorators(
    SignedIn(),
    UseGuards(AdminGuard),
    ProofRequired(),
    ApiResponse({ status: 401, description: UNAUTHENTICATED }),
    ApiResponse({ status: 403, description: `forbidden: not an admin of this portal; ${REAUTHENTICATION_REQUIRED}` }),
  );
}
