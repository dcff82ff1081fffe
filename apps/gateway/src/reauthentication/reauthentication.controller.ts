import { IdentityPatterns, ProvenFactor, withFactor } from '@app/contracts';
import { RpcClient } from '@app/platform';
import { Controller, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { GATEWAY_CONFIG, GatewayConfig } from '../config';
import { Auth } from '../http/auth.decorator';
import { JsonBody } from '../http/json-body.decorator';
import { PasskeyAuthentication } from '../passkeys/passkey-authentication.service';
import { relyingPartyOf } from '../passkeys/relying-party';
import { AuthenticatedSession } from '../session/session';
import { REAUTHENTICATION_MINUTES, SECOND_FACTOR_NEEDED, SignedIn, UNAUTHENTICATED } from '../session/session.guard';
import { SessionStore } from '../session/session.store';
import { PasswordCheck } from '../sign-in/password/password-check';
import { checkSecondFactor } from '../sign-in/second-factor';
import { ReauthenticationBody } from './reauthentication.bodies';

/**
 * Proving again who is there, before a sensitive change (turning 2FA on,
 * adding a passkey, ending the other sessions): a stolen session cookie, or
 * a computer left open, is not enough for those.
 */
@ApiTags('me')
@ApiResponse({ status: 401, description: UNAUTHENTICATED })
@Controller('api/me/reauthenticate')
export class ReauthenticationController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly sessions: SessionStore,
    private readonly passwords: PasswordCheck,
    private readonly passkeys: PasskeyAuthentication,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  @Post()
  @HttpCode(204)
  @SignedIn()
  @ApiOperation({
    summary:
      `Proves again who is there: for the next ${REAUTHENTICATION_MINUTES} minutes, this session may make the changes that answer ` +
      '403 reauthentication_required. One of { password }, { code } (the app\'s, when 2FA is on), { recoveryCode }, or ' +
      '{ passkey } (an assertion answering POST /api/me/passkeys/proof-options). A user with none of them (Google only, ' +
      'no 2FA, no passkey) signs in again instead: a new sign-in is a fresh proof. A code, recovery code or passkey is also ' +
      'recorded as a factor this session passed (a portal that requires 2FA then admits it). A session a trusted browser ' +
      'spared the code proves itself with one of those only, never with the password.',
  })
  @ApiResponse({ status: 204, description: 'Proved: the sensitive changes are open to this session for the next minutes' })
  @ApiResponse({ status: 400, description: 'validation_failed: not exactly one of the proofs; passkey_challenge_expired' })
  @ApiResponse({
    status: 401,
    description:
      'invalid_credentials: wrong password; invalid_code with attemptsLeft (at 0 this session ends: a stolen cookie gets no more guesses); ' +
      `invalid_passkey: the assertion does not verify, or the passkey is someone else's; ${UNAUTHENTICATED}`,
  })
  @ApiResponse({
    status: 403,
    description: `factor_locked: too many wrong codes in a row (a recovery code still proves); ${SECOND_FACTOR_NEEDED}`,
  })
  @ApiResponse({ status: 429, description: 'rate_limited: the sign-in limits count these password checks; totp_locked with Retry-After' })
  async reauthenticate(
    @JsonBody(ReauthenticationBody) proof: ReauthenticationBody,
    @Req() request: FastifyRequest,
    @Auth() session: AuthenticatedSession,
  ): Promise<void> {
    const proved = await this.check(proof, request, session);
    const { factors, passkeys } = session.record;
    await this.sessions.update(session.id, {
      provedAt: Date.now(),
      ...(proved && { factors: withFactor(factors, proved.factor) }),
      // The passkey now vouches for the session: removing it ends the session (PasskeysController.remove).
      ...(proved?.passkey && !passkeys.includes(proved.passkey) && { passkeys: [...passkeys, proved.passkey] }),
    });
  }

  /** @returns the second factor the proof passed (and the passkey's id, for one); null for the password. */
  private async check(
    proof: ReauthenticationBody,
    request: FastifyRequest,
    session: AuthenticatedSession,
  ): Promise<{ factor: ProvenFactor; passkey?: string } | null> {
    const { userId } = session.record;
    if ('password' in proof) {
      const { email } = await this.rpc.request(IdentityPatterns.getUser, { userId });
      await this.passwords.inSession(session, request.ip, email, () => this.rpc.request(IdentityPatterns.verifyPassword, { email, password: proof.password }));
      return null;
    }
    if ('passkey' in proof) {
      const verified = await this.passkeys.verifyAuthentication(relyingPartyOf(request, this.config), proof.passkey, userId);
      return { factor: 'passkey', passkey: verified.passkeyId };
    }
    return { factor: await checkSecondFactor(this.rpc, { userId, signInId: session.id, answer: proof }, () => this.sessions.delete(session.id, userId)) };
  }
}
