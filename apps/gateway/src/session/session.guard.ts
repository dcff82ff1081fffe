import { DomainError, ErrorCode, sparedByTrust } from '@app/contracts';
import { applyDecorators, CanActivate, ExecutionContext, Injectable, Logger, SetMetadata, UseGuards } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiBearerAuth, ApiCookieAuth, ApiResponse } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { SessionStore } from './session.store';
import { SessionRecord, SignInStage } from './session';
import { bearerToken, sessionTokenFromCookie } from './session-cookie';
import { worksHere } from './session-host';
import { SessionSightings } from './session-sightings';

const STAGES = Symbol('stages');
const RECENT_PROOF = Symbol('recent-proof');

/** How recent a proof a sensitive change needs (OWASP ASVS 5.0 7.5.1, NIST SP 800-63B-4 §4.6). */
export const REAUTHENTICATION_MINUTES = 5;

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
  private readonly logger = new Logger(SessionGuard.name);

  constructor(
    private readonly sessions: SessionStore,
    private readonly sightings: SessionSightings,
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
    if (this.reflector.get<boolean>(RECENT_PROOF, context.getHandler())) assertProvedRecently(session.record);
    request.auth = session;
    if (session.record.kind === 'web') await this.noteSighting(session.id, request);
    return true;
  }

  /** Awaited, so that the sessions page lists the browser it is asked from; a failed write loses a label, never the answer. */
  private async noteSighting(sessionId: string, request: FastifyRequest): Promise<void> {
    await this.sightings.record(sessionId, request.headers['user-agent'], request.ip).catch((error: Error) => {
      this.logger.warn(`Could not note the session's browser: ${error.message}`);
    });
  }
}

/**
 * A sign-in in progress is its own proof, step after step; a signed-in
 * session (or the app's access token, issued at an unlock) counts as proof
 * for REAUTHENTICATION_MINUTES after it was issued or re-authenticated. A
 * session a trusted browser spared the code proves nothing sensitive until a
 * second factor is given in it: whoever holds the password and a copy of the
 * browser's cookie would otherwise make themselves factors that open every
 * portal, or turn 2FA off.
 */
export function assertProvedRecently(record: SessionRecord, now = Date.now()): void {
  if (record.stage !== 'done') return;
  assertNotSparedByTrust(record);
  if (now - record.provedAt > REAUTHENTICATION_MINUTES * 60_000) {
    throw new DomainError(ErrorCode.ReauthenticationRequired, 'Confirm it is you first: your password, a code or a passkey.');
  }
}

/** @throws DomainError reauthentication_required, with `needs: second_factor`, when a trusted browser spared this session the code. */
export function assertNotSparedByTrust(record: Pick<SessionRecord, 'factors'>): void {
  if (sparedByTrust(record.factors)) {
    throw new DomainError(
      ErrorCode.ReauthenticationRequired,
      'This browser was trusted to skip the code at sign-in: confirm it is you with a code from the app, a recovery code or a passkey first.',
      { needs: 'second_factor' },
    );
  }
}

/** The 403 of assertNotSparedByTrust, for the OpenAPI. */
export const SECOND_FACTOR_NEEDED =
  'reauthentication_required with `needs: second_factor`: a trusted browser spared this session the code at sign-in, ' +
  'so only a code, a recovery code or a passkey (POST /api/me/reauthenticate) proves it, not the password';

/** The 403 of a sensitive change, for the OpenAPI. */
export const REAUTHENTICATION_REQUIRED =
  `reauthentication_required: a sensitive change, and this session proved nothing in the last ${REAUTHENTICATION_MINUTES} minutes ` +
  `(its sign-in, the app's unlock, or POST /api/me/reauthenticate); prove it again, then retry. Or ${SECOND_FACTOR_NEEDED}`;

/** The route needs a signed-in session, or a sign-in at one of `stages`. */
export function SignedIn(...stages: SignInStage[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(STAGES, stages.length > 0 ? stages : ['done']),
    UseGuards(SessionGuard),
    ApiCookieAuth(),
    ApiBearerAuth(),
  );
}

/**
 * A sensitive change: `@SignedIn(...stages)`, and a signed-in session must
 * have proved itself in the last REAUTHENTICATION_MINUTES; otherwise
 * `403 reauthentication_required`, answered by POST /api/me/reauthenticate.
 */
export function RecentProof(...stages: SignInStage[]): MethodDecorator {
  return applyDecorators(SignedIn(...stages), ProofRequired(), ApiResponse({ status: 403, description: REAUTHENTICATION_REQUIRED }));
}

/**
 * What RecentProof adds to a route whose decorator already signs it in
 * (AdminOnly); the route names reauthentication_required among its 403s.
 */
export function ProofRequired(): MethodDecorator {
  return SetMetadata(RECENT_PROOF, true);
}
