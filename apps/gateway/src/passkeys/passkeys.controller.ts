import { IdentityPatterns, PasskeyPatterns } from '@app/contracts';
import { RpcClient } from '@app/platform';
import { Controller, Delete, Get, HttpCode, Inject, Param, Patch, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { GATEWAY_CONFIG, GatewayConfig } from '../config';
import { Answers } from '../http/answers.decorator';
import { Auth } from '../http/auth.decorator';
import { JsonBody } from '../http/json-body.decorator';
import { requestLanguage } from '../http/request-language';
import { MeService } from '../member-view/me.service';
import { nameInPortal } from '../member-view/portal-view';
import { RateLimiter } from '../rate-limit/rate-limiter';
import { AuthenticatedSession } from '../session/session';
import { SessionStore } from '../session/session.store';
import { assertNotSparedByTrust, SECOND_FACTOR_NEEDED, SignedIn, UNAUTHENTICATED } from '../session/session.guard';
import { AddsSecondFactor, assertProvedSecondFactor, FACTOR_HELD } from '../session/second-factor-changes';
import { PasswordCheck } from '../sign-in/password/password-check';
import { passkeyCardOf } from './passkey-card';
import { PasskeyAuthentication } from './passkey-authentication.service';
import { PasskeyKeys } from './passkey-keys';
import { PasskeyRegistration } from './passkey-registration.service';
import {
  PasskeyCard,
  PasskeyCreationOptions,
  PasskeyIdPipe,
  PasskeyRequestOptions,
  RegisterPasskeyBody,
  RemovePasskeyBody,
  RenamePasskeyBody,
} from './passkeys.contract';
import { relyingPartyOf } from './relying-party';
import { TrustedBrowserStore } from '../trusted-browsers/trusted-browser.store';

/** Proof ceremonies a user may start per minute: each one writes a challenge to Redis. */
const PROOFS_PER_USER_PER_MINUTE = 20;
const BAD_INPUT = 'validation_failed: a missing or malformed field, or a passkey id that is not a UUID';
const EXPIRED = 'passkey_challenge_expired: the options were never asked for here, already answered, or older than 5 minutes';

/** The signed-in user's passkeys on this host: each portal host is its own relying party. */
@ApiTags('passkeys')
@ApiResponse({ status: 401, description: UNAUTHENTICATED })
@Controller('api/me/passkeys')
export class PasskeysController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly meService: MeService,
    private readonly registration: PasskeyRegistration,
    private readonly authentication: PasskeyAuthentication,
    private readonly passwords: PasswordCheck,
    private readonly limiter: RateLimiter,
    private readonly trustedBrowsers: TrustedBrowserStore,
    private readonly keys: PasskeyKeys,
    private readonly sessions: SessionStore,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  @Get()
  @SignedIn()
  @ApiOperation({ summary: "The user's passkeys for this host, as cards: name, provider (from the AAGUID), synced, created and last used" })
  @Answers(200, z.array(PasskeyCard), 'Oldest first')
  async list(@Req() request: FastifyRequest, @Auth() session: AuthenticatedSession): Promise<PasskeyCard[]> {
    const passkeys = await this.rpc.request(PasskeyPatterns.list, { userId: session.record.userId, rpId: this.rp(request).id });
    return passkeys.map(passkeyCardOf);
  }

  @Post('registration-options')
  @HttpCode(200)
  @AddsSecondFactor()
  @ApiOperation({
    summary:
      'Options for navigator.credentials.create() (PublicKeyCredentialCreationOptionsJSON): RP ID is this host, ' +
      'resident key and user verification required, attestation none, this host\'s passkeys of the user excluded. Valid once, for 5 minutes.',
  })
  @Answers(200, PasskeyCreationOptions, 'For @simplewebauthn/browser startRegistration({ optionsJSON })')
  @ApiResponse({ status: 429, description: 'rate_limited: 20 a minute per user and host, with Retry-After' })
  async registrationOptions(@Req() request: FastifyRequest, @Auth() session: AuthenticatedSession): Promise<PasskeyCreationOptions> {
    const view = await this.meService.portalViewOf(session);
    return this.registration.options(this.rp(request), { ...view.user, name: nameInPortal(view) });
  }

  @Post()
  @HttpCode(201)
  @AddsSecondFactor()
  @ApiOperation({ summary: 'Registers the passkey the browser created from the registration options' })
  @Answers(201, PasskeyCard, 'The new passkey')
  @ApiResponse({ status: 400, description: `${BAD_INPUT}; ${EXPIRED}; passkey_rejected: wrong origin or RP ID, no user verification, or an unsupported key` })
  @ApiResponse({ status: 409, description: 'conflict: this passkey is already registered' })
  async register(@JsonBody(RegisterPasskeyBody) body: z.output<typeof RegisterPasskeyBody>, @Req() request: FastifyRequest, @Auth() session: AuthenticatedSession): Promise<PasskeyCard> {
    const naming = { name: body.name, fallback: requestLanguage(request) === 'en' ? 'Passkey' : "Clé d'accès" };
    const passkey = await this.registration.verify(this.rp(request), session.record.userId, body.response, naming);
    return passkeyCardOf(passkey);
  }

  @Patch(':id')
  @SignedIn()
  @ApiOperation({ summary: 'Renames one of the user\'s passkeys (1 to 60 characters, one line)' })
  @Answers(200, PasskeyCard, 'The renamed passkey')
  @ApiResponse({ status: 400, description: BAD_INPUT })
  @ApiResponse({ status: 403, description: SECOND_FACTOR_NEEDED })
  @ApiResponse({ status: 404, description: 'not_found: no such passkey of yours on this host' })
  async rename(
    @Param('id', PasskeyIdPipe) passkeyId: string,
    @JsonBody(RenamePasskeyBody) { name }: z.output<typeof RenamePasskeyBody>,
    @Req() request: FastifyRequest,
    @Auth() session: AuthenticatedSession,
  ): Promise<PasskeyCard> {
    // A card renamed "old, remove it" by whoever holds only the password and a trusted browser would mislead its owner.
    assertNotSparedByTrust(session.record);
    return passkeyCardOf(await this.rpc.request(PasskeyPatterns.rename, { userId: session.record.userId, rpId: this.rp(request).id, passkeyId, name }));
  }

  @Post('proof-options')
  @HttpCode(200)
  @SignedIn()
  @ApiOperation({
    summary:
      'Options for navigator.credentials.get() (PublicKeyCredentialRequestOptionsJSON) that only the user\'s passkeys on this host answer: ' +
      'the fresh proof DELETE accepts instead of the password. Valid once, for 5 minutes.',
  })
  @Answers(200, PasskeyRequestOptions, 'For @simplewebauthn/browser startAuthentication({ optionsJSON })')
  @ApiResponse({ status: 429, description: 'rate_limited: 20 a minute per user and host, with Retry-After' })
  async proofOptions(@Req() request: FastifyRequest, @Auth() session: AuthenticatedSession): Promise<PasskeyRequestOptions> {
    const { userId } = session.record;
    const rpId = this.rp(request).id;
    // Per host: a firm spending the budget on its own host must not refuse her passkeys on the others.
    await this.limiter.hit({ key: `passkey-proof:${userId}:${rpId}`, max: PROOFS_PER_USER_PER_MINUTE, windowSeconds: 60 });
    return this.authentication.options(rpId, userId);
  }

  @Delete(':id')
  @HttpCode(204)
  @SignedIn()
  @ApiOperation({
    summary:
      'Removes one of the user\'s passkeys; the web sessions it proved (its sign-in, as first or second factor, or a re-authentication) end, ' +
      'but the one asking, and the trusted browsers ask the second step again (the app\'s devices are ended on their own). The request carries a fresh proof itself: ' +
      '{ password } (counted in the sign-in limits) or { passkey } (an assertion answering POST /api/me/passkeys/proof-options, ' +
      'for a user who signs in without a password). A session alone does not remove a passkey.',
  })
  @ApiResponse({ status: 204, description: 'Removed: it no longer signs in on this host, and the web sessions it proved are signed out' })
  @ApiResponse({ status: 400, description: `${BAD_INPUT}; ${EXPIRED}` })
  @ApiResponse({ status: 401, description: `invalid_credentials: wrong password; invalid_passkey: the assertion does not verify; ${UNAUTHENTICATED}` })
  @ApiResponse({ status: 403, description: `${SECOND_FACTOR_NEEDED}; ${FACTOR_HELD} (both with { password } only)` })
  @ApiResponse({ status: 404, description: 'not_found: no such passkey of yours on this host' })
  @ApiResponse({ status: 429, description: 'rate_limited: the sign-in limits count these password checks too' })
  async remove(
    @Param('id', PasskeyIdPipe) passkeyId: string,
    @JsonBody(RemovePasskeyBody) proof: z.output<typeof RemovePasskeyBody>,
    @Req() request: FastifyRequest,
    @Auth() session: AuthenticatedSession,
  ): Promise<void> {
    const { userId } = session.record;
    if ('password' in proof) {
      // The passkey may be the user's only second factor: removed on the password alone, its place would be free for another's.
      assertProvedSecondFactor(session.record);
      await this.checkPassword(request, session, proof.password);
    } else {
      await this.authentication.verifyAuthentication(this.rp(request), proof.passkey, userId);
    }
    const rpId = this.rp(request).id;
    const { credentialId } = await this.rpc.request(PasskeyPatterns.remove, { userId, rpId, passkeyId, sparedSessionId: session.id });
    // All this is done again on identity's announcement (PasskeyRemovedHandler), for an answer lost on its way; here, before the 204.
    // Identity would refuse it anyway; the key it verified with is no longer kept for nothing.
    await this.keys.forget(rpId, credentialId);
    // A factor removed ends the trusted browsers, as one added does, and the other sessions it proved: its device may be lost.
    // Not this one: someone replacing the passkey she signed in with is not signed out for it; the mail tells her of the removal.
    await this.trustedBrowsers.removeAll(userId);
    await this.sessions.deleteOfPasskey(userId, passkeyId, session.id);
  }

  private async checkPassword(request: FastifyRequest, session: AuthenticatedSession, password: string): Promise<void> {
    const { user } = await this.meService.portalViewOf(session);
    const verify = () => this.rpc.request(IdentityPatterns.verifyPassword, { email: user.email, password });
    await this.passwords.inSession(session, request.ip, user.email, verify);
  }

  private rp(request: FastifyRequest) {
    return relyingPartyOf(request, this.config);
  }
}
