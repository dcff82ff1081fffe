import { DomainError, ErrorCode, PasskeyPatterns, passedSecondFactor } from '@app/contracts';
import { RpcClient } from '@app/platform';
import { applyDecorators, CanActivate, ExecutionContext, Injectable, UseGuards } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { MeService } from '../member-view/me.service';
import { ProofRequired, REAUTHENTICATION_REQUIRED, SignedIn } from './session.guard';
import { SignInStage } from './session';

/** The 403 of a route that adds a second factor, for the OpenAPI. */
export const FACTOR_HELD =
  'reauthentication_required with `needs: second_factor`: the user already holds a second factor (the app\'s code, or a passkey on ' +
  'any portal) and this session proved none; a code, a recovery code or a passkey of this host (POST /api/me/reauthenticate) proves it, ' +
  'or signing in where the passkey was made';

/**
 * Adding a second factor (the app's code, recovery codes, a passkey) proves
 * one the user already holds, when they hold any: a session that proved the
 * password alone (on a portal that does not require 2FA, or on a host where
 * the user's passkey does not work) would otherwise make a factor of its own,
 * which then opens the portals that require 2FA, where the user's own factor
 * stood. A user who holds none sets up the first with the password: there is
 * nothing else to prove. Runs after the SessionGuard, which sets `request.auth`.
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
    if (user.totpEnabled || passkeys > 0) {
      throw new DomainError(
        ErrorCode.ReauthenticationRequired,
        'You already have a second factor: confirm it is you with a code from the app, a recovery code or a passkey of this portal first. ' +
          'If your passkey was made on another portal, sign in there.',
        { needs: 'second_factor', held: true },
      );
    }
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
