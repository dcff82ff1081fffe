import { Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { GATEWAY_CONFIG, GatewayConfig } from '../../config';
import { Answers } from '../../http/answers.decorator';
import { JsonBody } from '../../http/json-body.decorator';
import { PasskeyRequestOptions } from '../../passkeys/passkeys.contract';
import { PasskeyAuthentication } from '../../passkeys/passkey-authentication.service';
import { RelyingParty, relyingPartyOf } from '../../passkeys/relying-party';
import { RateLimiter } from '../../rate-limit/rate-limiter';
import { SignInService } from '../sign-in.service';
import { SignInStep } from '../sign-in.contract';
import { OVERTAKEN_SIGN_IN, SignInSteps } from '../sign-in-steps';
import { PasskeySignInBody } from './passkey-sign-in.contract';

/** Ceremonies one address may start per minute: each writes a challenge to Redis, and none needs a session. */
const CEREMONIES_PER_IP_PER_MINUTE = 30;
export const PASSKEY_REFUSALS =
  'invalid_passkey: no passkey of this host has that id (one made on another host included), a bad signature, ' +
  'no user verification, or a signature counter that went back (a copy of the authenticator)';
export const PASSKEY_EXPIRED = 'passkey_challenge_expired: the options were never asked for on this host, already answered, or older than 5 minutes';

/**
 * Passkey as the first factor: usernameless (the browser offers this host's
 * discoverable passkeys) and through autofill, with the same options. The
 * answer enters the same flow as a password, as two factors at once.
 */
@ApiTags('sign-in')
@Controller('api/auth/passkey')
export class PasskeySignInController {
  constructor(
    private readonly authentication: PasskeyAuthentication,
    private readonly signIn: SignInService,
    private readonly steps: SignInSteps,
    private readonly limiter: RateLimiter,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  @Post('options')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Options for navigator.credentials.get() (PublicKeyCredentialRequestOptionsJSON): RP ID this host, no allowCredentials ' +
      '(the browser offers its discoverable passkeys for this host, in a dialog or in the email field\'s autofill), user verification required. ' +
      'Valid once, for 5 minutes; no session needed.',
  })
  @Answers(200, PasskeyRequestOptions, 'For @simplewebauthn/browser startAuthentication({ optionsJSON })')
  @ApiResponse({ status: 429, description: `rate_limited: ${CEREMONIES_PER_IP_PER_MINUTE} a minute per address, with Retry-After` })
  async options(@Req() request: FastifyRequest): Promise<PasskeyRequestOptions> {
    await this.limiter.hitPerAddress('passkey-sign-in', request.ip, CEREMONIES_PER_IP_PER_MINUTE, 60);
    return this.authentication.options(this.rp(request).id);
  }

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Signs in with the assertion answering the options: the same next step as a password (portal choice on the easy access host, `done`), ' +
      'never a code: a passkey with user verification counts as two factors, so a portal that requires 2FA is entered at once',
  })
  @Answers(200, SignInStep, 'The next step')
  @ApiResponse({ status: 400, description: `validation_failed: no response, or not a WebAuthn assertion; ${PASSKEY_EXPIRED}` })
  @ApiResponse({
    status: 401,
    description: `${PASSKEY_REFUSALS}; invalid_credentials: the passkey's owner is no member of this company, the same answer as a wrong password; ${OVERTAKEN_SIGN_IN}`,
  })
  async signInWithPasskey(
    @JsonBody(PasskeySignInBody) body: z.output<typeof PasskeySignInBody>,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SignInStep> {
    const { user, passkeyId } = await this.authentication.verifyAuthentication(this.rp(request), body.response);
    const progress = await this.signIn.afterCredentials(user, request.portal!, 'passkey', passkeyId);
    return this.steps.advance(progress, request, reply);
  }

  private rp(request: FastifyRequest): RelyingParty {
    return relyingPartyOf(request, this.config);
  }
}
