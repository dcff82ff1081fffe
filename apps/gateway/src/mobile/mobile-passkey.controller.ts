import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Answers } from '../http/answers.decorator';
import { JsonBody } from '../http/json-body.decorator';
import { PasskeyRequestOptions } from '../passkeys/passkeys.contract';
import { APP_CEREMONIES_PER_IP_PER_MINUTE, MobilePasskeySignIn } from '../sign-in/mobile/mobile-passkey-sign-in';
import { PasskeySignInBody } from '../sign-in/passkey/passkey-sign-in.contract';
import { PASSKEY_EXPIRED, PASSKEY_REFUSALS } from '../sign-in/passkey/passkey-sign-in.controller';
import { OnAppHost } from './app-host.guard';
import { MobileLoginAnswer } from './mobile.contract';

/** How the app gets a passkey to sign in with; for the OpenAPI. */
const REGISTERING =
  'The app registers a passkey with the routes of the web, signed in with its access token (Authorization: Bearer) once a portal is chosen: ' +
  'POST /api/me/passkeys/registration-options then POST /api/me/passkeys, called on the easy access host, make it for that host.';

/**
 * Passkey sign-in through iOS's and Android's native passkey APIs. The RP ID
 * is the easy access host, the app's API host: the associated-domain files it
 * serves (/.well-known) let the app use that host's passkeys, the web's too.
 */
@ApiTags('mobile')
@OnAppHost()
@Controller('api/mobile/login/passkey')
export class MobilePasskeyController {
  constructor(private readonly passkeys: MobilePasskeySignIn) {}

  @Post('options')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Options for the platform\'s passkey request (ASAuthorizationPlatformPublicKeyCredentialProvider, Credential Manager\'s GetPublicKeyCredentialOption): ' +
      'RP ID the easy access host, no allowCredentials (the platform offers the user\'s passkeys for it), user verification required. Valid once, for 5 minutes.',
    description: REGISTERING,
  })
  @Answers(200, PasskeyRequestOptions, 'For the platform\'s passkey request')
  @ApiResponse({ status: 429, description: `rate_limited: ${APP_CEREMONIES_PER_IP_PER_MINUTE} a minute per address, with Retry-After` })
  options(@Req() request: FastifyRequest): Promise<PasskeyRequestOptions> {
    return this.passkeys.options(request.ip);
  }

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Signs in with the assertion answering the options, as POST /api/mobile/login does with a password: a passkey with user verification ' +
      'counts as two factors, so the next step is always create_pin, and the device registered then keeps the passkey as its factor. ' +
      'The assertion may come from the easy access host\'s web origin (iOS, associated domains) or from the Android app\'s apk-key-hash origin ' +
      '(MOBILE_ANDROID_CERT_SHA256).',
    description: REGISTERING,
  })
  @Answers(200, MobileLoginAnswer, 'Always `create_pin`')
  @ApiResponse({ status: 400, description: `validation_failed: no response, or not a WebAuthn assertion; ${PASSKEY_EXPIRED}` })
  @ApiResponse({
    status: 401,
    description: `${PASSKEY_REFUSALS}; a company host's passkey is unknown here too; invalid_credentials: the passkey's owner belongs to no portal, the same answer as a wrong password`,
  })
  signIn(@JsonBody(PasskeySignInBody) body: z.output<typeof PasskeySignInBody>): Promise<MobileLoginAnswer> {
    return this.passkeys.signIn(body.response);
  }
}
