import { DomainError, ErrorCode } from '@app/contracts';
import { applyDecorators, CanActivate, ExecutionContext, Injectable, SetMetadata, UseGuards } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiCookieAuth, ApiBearerAuth } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { SessionStore } from './session.store';
import { SignInStage } from './session';
import { bearerToken, sessionTokenFromCookie } from './session-cookie';
import { worksHere } from './session-host';

const STAGES = Symbol('stages');

/** The 401 of every signed-in route, for the OpenAPI. */
export const UNAUTHENTICATED = 'unauthenticated: no session, an ended one, or a web session cookie issued on another host (it works only where it was issued)';

/**
 * Web sessions come from the cookie, mobile access tokens from the bearer
 * header; each is accepted only where it was issued, so a leaked access token
 * cannot be replayed as a cookie and the reverse, and a cookie works only on
 * the host that issued it.
 */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    private readonly sessions: SessionStore,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const stages = this.reflector.getAllAndOverride<SignInStage[]>(STAGES, [context.getHandler(), context.getClass()]) ?? ['done'];
    const bearer = bearerToken(request);
    const token = bearer ?? sessionTokenFromCookie(request);
    const session = token ? await this.sessions.read(token) : null;
    const issuedHere = session && (session.record.kind === 'mobile') === (bearer !== undefined) && worksHere(session, request);
    if (!session || !issuedHere || !stages.includes(session.record.stage)) {
      throw new DomainError(ErrorCode.Unauthenticated, 'Sign in first.');
    }
    request.auth = session;
    return true;
  }
}

/** The route needs a signed-in session, or a sign-in at one of `stages`. */
export function SignedIn(...stages: SignInStage[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(STAGES, stages.length > 0 ? stages : ['done']),
    UseGuards(SessionGuard),
    ApiCookieAuth(),
    ApiBearerAuth(),
  );
}
