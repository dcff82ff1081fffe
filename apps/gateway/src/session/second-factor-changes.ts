import { DomainError, ErrorCode, PasskeyPatterns, passedSecondFactor } from '@app/contracts';
import { RpcClient } from '@app/platform';
import { applyDecorators, CanActivate, ExecutionContext, Inject, Injectable, SetMetadata, UseGuards } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiResponse } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { GATEWAY_CONFIG, GatewayConfig } from '../config';
import { MeService } from '../member-view/me.service';
import { relyingPartyOf } from '../passkeys/relying-party';
import { assertNotSparedByTrust, ProofRequired, REAUTHENTICATION_REQUIRED, SignedIn } from './session.guard';
import { SessionRecord, SignInStage } from './session';

/**
 * The second factors a user holds change only in a session that proved one
 * of them. Whoever has the password alone (a portal that does not require
 * 2FA lets it in; so does a host where the user's passkey does not work)
 * would otherwise remove the user's factor, or add one of their own, and then
 * enter the portals that require 2FA, where the user's own factor stood. A
 * user who holds none (that could be proved here) sets up the first with the
 * password: there is nothing else to prove.
 */

const SCOPE = Symbol('factor-scope');

/**
 * Where the added factor works: `account`, everywhere (the app's code,
 * recovery codes); `host`, on this host alone (a passkey, whose RP ID is the
 * host). The easy access host serves every portal, so a passkey made there
 * counts as `account`.
 */
export type FactorScope = 'account' | 'host';

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
 * Adding a second factor. The factors held that count are those this session
 * could have proved: every one for a factor that works everywhere; for a
 * passkey of a company's host, the code or a passkey of that host. A passkey
 * made on firm A's host opens A alone, which the password already opened
 * (A's host sees no other firm), so a user whose only factor is a passkey on
 * another host may add one here. Runs after the SessionGuard, which sets `request.auth`.
 */
@Injectable()
export class FactorEnrolmentGuard implements CanActivate {
  constructor(
    private readonly meService: MeService,
    private readonly rpc: RpcClient,
    private readonly reflector: Reflector,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const session = request.auth!;
    if (passedSecondFactor(session.record.factors)) return true;
    const { userId } = session.record;
    const hostOnly = this.reflector.get<FactorScope>(SCOPE, context.getHandler()) === 'host' && request.portal?.kind === 'company';
    const [{ user }, passkeys] = await Promise.all([
      this.meService.portalViewOf(session),
      hostOnly
        ? this.rpc.request(PasskeyPatterns.list, { userId, rpId: relyingPartyOf(request, this.config).id }).then((here) => here.length)
        : this.rpc.request(PasskeyPatterns.countOfUser, { userId }).then((held) => held.passkeys),
    ]);
    if (user.totpEnabled || passkeys > 0) throw factorHeld(session.record.stage);
    return true;
  }
}

/** A route that adds a second factor working in `scope`: a recent proof (as RecentProof), and FactorEnrolmentGuard. */
export function AddsSecondFactor(scope: FactorScope, ...stages: SignInStage[]): MethodDecorator {
  return applyDecorators(
    SignedIn(...stages),
    ProofRequired(),
    SetMetadata(SCOPE, scope),
    UseGuards(FactorEnrolmentGuard),
    ApiResponse({ status: 403, description: `${REAUTHENTICATION_REQUIRED}; ${FACTOR_HELD}` }),
  );
}
