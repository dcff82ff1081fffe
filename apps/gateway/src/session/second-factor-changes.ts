import { DomainError, ErrorCode, PasskeyPatterns, passedSecondFactor } from '@app/contracts';
import { RpcClient } from '@app/platform';
import { applyDecorators, CanActivate, ExecutionContext, Injectable, UseGuards } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { MeService } from '../member-view/me.service';
import { assertNotSparedByTrust, ProofRequired, REAUTHENTICATION_REQUIRED, SignedIn } from './session.guard';
import { SessionRecord, SignInStage } from './session';

/**
 * The second factors a user holds change only in a session that proved one
 * of them. Whoever has the password alone (a portal that does not require
 * 2FA lets it in; so does a host where the user's passkey does not work)
 * would otherwise remove the user's factor, or add one of their own, and then
 * enter the portals that require 2FA, where the user's own factor stood. A
 * user who holds none sets up the first with the password: there is nothing
 * else to prove.
 */

/** The 403 of a route that adds or removes a second factor, for the OpenAPI. */
export const FACTOR_HELD =
  'reauthentication_required with `needs: second_factor`: the user holds a second factor (the app\'s code, or a passkey on ' +
  'any portal) and this session proved none; a code, a recovery code or a passkey of this host (POST /api/me/reauthenticate) proves it, ' +
  'or signing in where the passkey was made';

function factorHeld(stage: SignInStage): DomainError {
  const how =
    stage === 'done'
      ? 'confirm it is you with a code from the app, a recovery code or a passkey of this portal first. If your passkey was made on another portal, sign in there.'
      : 'sign in on the portal where your passkey was made, and use it there.';
  // `held` names the French message: proving it here, or (during a sign-in, where nothing is proved again) on the passkey's portal.
  const held = stage === 'done' ? 'here' : 'elsewhere';
  return new DomainError(ErrorCode.ReauthenticationRequired, `You already have a second factor: ${how}`, { needs: 'second_factor', held });
}

/**
 * Before removing a second factor with the password: the session must have
 * proved one (the user holds at least the one removed).
 * @throws DomainError reauthentication_required, `needs: second_factor`.
 */
export function assertProvedSecondFactor(record: Pick<SessionRecord, 'factors' | 'stage'>): void {
  assertNotSparedByTrust(record);
  if (!passedSecondFactor(record.factors)) throw factorHeld(record.stage);
}

/**
 * Adding a second factor. Every factor held counts, wherever it works: a
 * passkey added on a host where the user holds none, once proved, is a second
 * factor of the session like any other (it sets up the code, removes the
 * user's factors, enters the portals that require 2FA). Runs after the
 * SessionGuard, which sets `request.auth`.
 */
@Injectable()
export class FactorEnrolmentGuard implements CanActivate {
  constructor(
    private readonly meService: MeService,
    private readonly rpc: RpcClient,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const session = context.switchToHttp().getRequest<FastifyRequest>().auth!;
    if (passedSecondFactor(session.record.factors)) return true;
    const [{ user }, { passkeys }] = await Promise.all([
      this.meService.portalViewOf(session),
      this.rpc.request(PasskeyPatterns.countOfUser, { userId: session.record.userId }),
    ]);
    if (user.totpEnabled || passkeys > 0) throw factorHeld(session.record.stage);
    return true;
  }
}

/** A route that adds a second factor: a recent proof (as RecentProof), and FactorEnrolmentGuard. */
export function AddsSecondFactor(...stages: SignInStage[]): MethodDecorator {
  return applyDecorators(
    SignedIn(...stages),
    ProofRequired(),
    UseGuards(FactorEnrolmentGuard),
    ApiResponse({ status: 403, description: `${REAUTHENTICATION_REQUIRED}; ${FACTOR_HELD}` }),
  );
}
