import { DevicePatterns, DomainError, ErrorCode, isGuessablePin, Pin } from '@app/contracts';
import { RpcClient } from '@app/platform';
import { Controller, Delete, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Answers } from '../http/answers.decorator';
import { JsonBody } from '../http/json-body.decorator';
import { SessionStore } from '../session/session.store';
import { assertProvedRecently, REAUTHENTICATION_REQUIRED, SignedIn, UNAUTHENTICATED } from '../session/session.guard';
import { GoogleIdTokenVerifier } from '../sign-in/google/google-id-token.verifier';
import { MobileLoginTokens } from '../sign-in/mobile/login-tokens';
import { OnAppHost } from './app-host.guard';
import { MobileAccess } from './mobile-access';
import {
  BiometricKeyBody,
  ChallengeBody,
  DeviceRegistrationBody,
  MobileAccessGrant,
  MobileLoginAnswer,
  MobileLoginBody,
  MobileSecondFactorBody,
  RegisteredDevice,
  UnlockBody,
  UnlockChallenge,
} from './mobile.contract';
import { MobileLoginService } from '../sign-in/mobile/mobile-login.service';
import { UNLOCK_CHALLENGE_SECONDS, UnlockChallenges } from './unlock-challenges';
import { AuthenticatedSession } from '../session/session';
import { Auth } from '../http/auth.decorator';
import { IdParam } from '../http/id-param';

const deviceIdParam = new IdParam('No such device.');

@ApiTags('mobile')
@OnAppHost()
@Controller('api/mobile')
export class MobileController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly login: MobileLoginService,
    private readonly tokens: MobileLoginTokens,
    private readonly access: MobileAccess,
    private readonly challenges: UnlockChallenges,
    private readonly sessions: SessionStore,
    private readonly googleIdTokens: GoogleIdTokenVerifier,
  ) {}

  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in once, with email and password or a Google ID token' })
  @Answers(200, MobileLoginAnswer, 'The next step, and the login token that takes it')
  @ApiResponse({ status: 401, description: 'invalid_credentials: wrong password, or an ID token with a bad signature, issuer, audience, expiry or unverified email, or no such user; id_token_replayed: this ID token already signed in once (each is accepted once)' })
  @ApiResponse({
    status: 403,
    description:
      'totp_required: every portal of the user requires two-factor authentication and the app\'s code is off: sign in with a passkey ' +
      '(POST /api/mobile/login/passkey), or turn the code on on the web first; no device is registered on the password or Google alone',
  })
  @ApiResponse({ status: 404, description: 'not_found: Google sign-in is not configured' })
  async signIn(@JsonBody(MobileLoginBody) body: z.output<typeof MobileLoginBody>, @Req() request: FastifyRequest): Promise<MobileLoginAnswer> {
    if ('googleIdToken' in body) return this.login.afterCredentials(await this.googleIdTokens.userOf(body.googleIdToken), 'google');
    return this.login.withPassword(request.ip ?? 'unknown', body.email, body.password);
  }

  @Post('login/totp')
  @HttpCode(200)
  @ApiOperation({ summary: 'The second factor of the mobile sign-in' })
  @Answers(200, MobileLoginAnswer, 'Always `create_pin`, with a new login token')
  @ApiResponse({ status: 401, description: 'invalid_code with attemptsLeft; unauthenticated when the login token is not waiting for a code' })
  @ApiResponse({ status: 403, description: 'factor_locked: too many wrong codes in a row; only a recovery code (or an admin turning 2FA off) unlocks it' })
  @ApiResponse({ status: 429, description: 'totp_locked with Retry-After: the seconds the lock has left' })
  @ApiResponse({ status: 503, description: 'unavailable: the code may have been accepted all the same; the same code, sent again with this login token, is accepted' })
  secondFactor(@JsonBody(MobileSecondFactorBody) body: z.output<typeof MobileSecondFactorBody>): Promise<MobileLoginAnswer> {
    const { loginToken, ...answer } = body;
    return this.login.withSecondFactor(loginToken, answer);
  }

  @Post('devices')
  @HttpCode(201)
  @ApiOperation({ summary: 'Register this device with a 4-digit PIN (entered twice); answers its secret and a first access token' })
  @Answers(201, RegisteredDevice, 'The device, and its first access token')
  @ApiResponse({
    status: 422,
    description:
      'invalid_pin (not exactly 4 digits), pin_mismatch, or guessable_pin: one digit four times (1111), a run up or down (1234, 4321), ' +
      'two digits twice (1212), or one of the most chosen (1004, 2000, 1122, 2001), which a thief tries in the five guesses the app gives',
  })
  async register(
    @JsonBody(DeviceRegistrationBody) body: z.output<typeof DeviceRegistrationBody>,
    @Req() request: FastifyRequest,
  ): Promise<RegisteredDevice> {
    if (!Pin.safeParse(body.pin).success) {
      throw new DomainError(ErrorCode.InvalidPin, 'The PIN must be exactly 4 digits.', { malformed: true });
    }
    if (body.pin !== body.pinConfirmation) throw new DomainError(ErrorCode.PinMismatch, 'The two PINs differ.');
    if (isGuessablePin(body.pin)) throw new DomainError(ErrorCode.GuessablePin, 'A thief would try this PIN first: choose another.');
    const { userId, credentialVersion, factors } = await this.tokens.consume(body.loginToken, 'create_pin');
    const { name, platform, pin } = body;
    const device = await this.rpc.request(DevicePatterns.register, { userId, credentialVersion, name, platform, pin, factors });
    const unlocked = { userId, deviceId: device.deviceId, credentialVersion, lastCompanyId: null, factors };
    return { ...device, ...(await this.access.grant(unlocked, request)) };
  }

  @Post('devices/:id/biometrics')
  @HttpCode(204)
  @SignedIn()
  @ApiResponse({ status: 401, description: UNAUTHENTICATED })
  @ApiOperation({
    summary: '"Enable Face ID": the device’s EC P-256 public key (SPKI, base64 DER), with the device secret and the PIN',
    description:
      'A new key replaces the previous one. The PIN is checked and counted as an unlock’s: whoever copied the device’s secret and an access token, but not the PIN, cannot put a key of their own.',
  })
  @ApiResponse({ status: 204, description: 'The device may now unlock with a signed challenge' })
  @ApiResponse({ status: 400, description: 'validation_failed: no device secret or PIN, or not an EC P-256 key' })
  @ApiResponse({ status: 401, description: `${UNAUTHENTICATED}; invalid_pin with attemptsLeft; device_revoked after 5 wrong PINs in a row, or 10 in a month (with the unlocks'); invalid_credentials: not this device's secret` })
  @ApiResponse({ status: 404, description: 'not_found: not the device of this access token' })
  async enableBiometrics(
    @Param('id', deviceIdParam) deviceId: string,
    @JsonBody(BiometricKeyBody) body: z.output<typeof BiometricKeyBody>,
    @Auth() { record }: AuthenticatedSession,
  ): Promise<void> {
    if (record.deviceId !== deviceId) throw new DomainError(ErrorCode.NotFound, 'No such device.');
    await this.rpc.request(DevicePatterns.setBiometricKey, { userId: record.userId, deviceId, ...body }).catch((error: unknown) => this.endTokensIfRevoked(error, deviceId));
  }

  @Post('unlock/challenge')
  @HttpCode(200)
  @ApiOperation({
    summary: 'A single-use challenge for Face ID, valid 60 seconds; it replaces the previous one asked with the same device secret',
    description:
      'The secret is checked at the unlock, not here: any answer is 200 alike. A device id is no secret (the user’s devices list it), so challenges and their limit are kept per device and secret: a stranger’s asks neither replace the phone’s challenge nor use up its limit.',
  })
  @Answers(200, UnlockChallenge, 'The challenge to sign with the biometric key')
  @ApiResponse({ status: 400, description: 'validation_failed: no device id, or no device secret' })
  @ApiResponse({ status: 429, description: 'rate_limited with Retry-After: 30 challenges a minute per address, 10 per device and secret' })
  async challenge(
    @JsonBody(ChallengeBody) body: z.output<typeof ChallengeBody>,
    @Req() request: FastifyRequest,
  ): Promise<UnlockChallenge> {
    return { challenge: await this.challenges.issue(body, request.ip), expiresIn: UNLOCK_CHALLENGE_SECONDS };
  }

  @Post('unlock')
  @HttpCode(200)
  @ApiOperation({ summary: 'Open the app with the PIN, or with a signature of a challenge' })
  @Answers(200, MobileAccessGrant, 'A new access token')
  @ApiResponse({ status: 401, description: "invalid_pin with attemptsLeft; device_revoked after 5 wrong PINs in a row, or 10 in a month (a right PIN ends a run, not the month's count), or once the device is forgotten (also by an unlock on its way at that moment); credentials_changed after a password change; invalid_signature (also for a challenge replaced by a newer one)" })
  async unlock(@JsonBody(UnlockBody) body: z.output<typeof UnlockBody>, @Req() request: FastifyRequest): Promise<MobileAccessGrant> {
    if ('challenge' in body && !(await this.challenges.consume(body, body.challenge))) {
      throw new DomainError(ErrorCode.InvalidSignature, 'The challenge is unknown, used or expired: ask for a new one.');
    }
    const unlocked = await this.rpc.request(DevicePatterns.unlock, body).catch((error: unknown) => this.endTokensIfRevoked(error, body.deviceId));
    return this.access.grant(unlocked, request);
  }

  /** The last wrong PIN allowed revokes the device: the access tokens it still holds end with it. Rethrows the refusal. */
  private async endTokensIfRevoked(error: unknown, deviceId: string): Promise<never> {
    const revokedOf = error instanceof DomainError && error.code === ErrorCode.DeviceRevoked ? error.details?.userId : undefined;
    if (typeof revokedOf === 'string') await this.sessions.deleteOfDevice(revokedOf, deviceId);
    throw error;
  }

  @Delete('devices/:id')
  @HttpCode(204)
  @SignedIn()
  @ApiOperation({
    summary:
      'Forget a device of the signed-in user; its access tokens end. Forgetting another device than this one needs a recent proof ' +
      '(an unlock in the last minutes); forgetting this one is signing out of the app, and does not.',
  })
  @ApiResponse({ status: 204, description: 'Forgotten' })
  @ApiResponse({ status: 401, description: UNAUTHENTICATED })
  @ApiResponse({ status: 403, description: REAUTHENTICATION_REQUIRED })
  @ApiResponse({ status: 404, description: 'not_found' })
  async revoke(@Param('id', deviceIdParam) deviceId: string, @Auth() { record }: AuthenticatedSession): Promise<void> {
    const { userId } = record;
    if (deviceId !== record.deviceId) assertProvedRecently(record);
    // Tokens first: a device revoked already (by wrong PINs) still gets its tokens ended, then the 404.
    await this.sessions.deleteOfDevice(userId, deviceId);
    await this.rpc.request(DevicePatterns.revoke, { userId, deviceId });
  }
}
