import { DomainError, ErrorCode, IdentityPatterns, MfaPatterns, SecondFactorHelpPatterns } from '@app/contracts';
import { RpcClient } from '@app/platform';
import { Controller, Delete, HttpCode, Logger, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { PasswordCheck } from '../sign-in/password/password-check';
import { SignInService } from '../sign-in/sign-in.service';
import { OVERTAKEN_SIGN_IN, SignInSteps } from '../sign-in/sign-in-steps';
import { Answers } from '../http/answers.decorator';
import { JsonBody } from '../http/json-body.decorator';
import { REAUTHENTICATION_REQUIRED, SECOND_FACTOR_NEEDED, SignedIn, UNAUTHENTICATED } from '../session/session.guard';
import { AddsSecondFactor, assertProvedSecondFactor, FACTOR_HELD, FactorEnrolmentGuard } from '../session/second-factor-changes';
import { PortalViewCache } from '../member-view/portal-view.cache';
import { MeService } from '../member-view/me.service';
import { PasswordBody, RecoveryCodes, TotpCodeBody, TotpConfirmed, TotpSetup } from './me.contract';
import { TwoFactorEnrolment } from './two-factor-enrolment';
import { AuthenticatedSession } from '../session/session';
import { Auth } from '../http/auth.decorator';
import { TrustedBrowserStore } from '../trusted-browsers/trusted-browser.store';
import { CODE_CHANGES_ON_EASY_ACCESS, CodeChangesOnEasyAccess } from './account-code-host';

const logger = new Logger('totp');

@ApiTags('two-factor')
@ApiResponse({ status: 401, description: UNAUTHENTICATED })
@Controller('api/me/totp')
export class TotpController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly meService: MeService,
    private readonly cache: PortalViewCache,
    private readonly signIn: SignInService,
    private readonly steps: SignInSteps,
    private readonly passwords: PasswordCheck,
    private readonly enrolment: TwoFactorEnrolment,
    private readonly trustedBrowsers: TrustedBrowserStore,
  ) {}

  @Post('setup')
  @HttpCode(200)
  @AddsSecondFactor('done', 'totp_enroll')
  @ApiOperation({ summary: 'A new secret, its otpauth URI and QR code; 2FA is on once confirmed' })
  @Answers(200, TotpSetup, 'Not active until confirmed')
  @ApiResponse({ status: 409, description: 'conflict: 2FA is already on; turn it off first (DELETE /api/me/totp, with the password)' })
  async setup(@Auth() session: AuthenticatedSession): Promise<TotpSetup> {
    const { user, member } = await this.meService.portalViewOf(session);
    // Replacing a factor would otherwise need no more than a session: turning it off asks for the password.
    if (user.totpEnabled) throw new DomainError(ErrorCode.Conflict, 'Two-factor authentication is on: turn it off first, with your password.');
    return this.rpc.request(MfaPatterns.beginEnrolment, { userId: user.id, issuer: member.company.name, label: user.email });
  }

  @Post('confirm')
  @HttpCode(200)
  // The set-up it confirms was begun under AddsSecondFactor; the user may have added a factor since, which this session then has to prove.
  // Above SignedIn: the lower decorator's guard is listed first, and this one needs the session.
  @UseGuards(FactorEnrolmentGuard)
  @SignedIn('done', 'totp_enroll')
  @ApiOperation({
    summary:
      'Turns 2FA on with a first code; answers 10 recovery codes, shown once (and the next step during a sign-in). ' +
      'Every other session and mobile device of the user ends: none of them passed this factor; this session did, and stays. ' +
      'Every reset link mailed before ends.',
  })
  @Answers(200, TotpConfirmed, 'On: the recovery codes, with the next step during a sign-in')
  @ApiResponse({ status: 403, description: `${FACTOR_HELD} (one added since the set-up began)` })
  @ApiResponse({ status: 401, description: `invalid_code with attemptsLeft, counted as sign-in codes are (5 per set-up); at 0, or once the set-up is older than SIGN_IN_MINUTES, a new set-up is needed; ${OVERTAKEN_SIGN_IN}` })
  @ApiResponse({
    status: 409,
    description:
      'no_login_in_progress: during a sign-in, another answer to its step went on first (a step opens one session); ' +
      'conflict: 2FA was turned on meanwhile (a set-up begun before never replaces an active code)',
  })
  @ApiResponse({ status: 429, description: 'totp_locked with Retry-After: wrong codes lock as at sign-in' })
  async confirm(
    @JsonBody(TotpCodeBody) body: z.output<typeof TotpCodeBody>,
    @Auth() session: AuthenticatedSession,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TotpConfirmed> {
    const { recoveryCodes, proved } = await this.enrolment.confirm(session, body.code);
    if (proved.stage !== 'totp_enroll') return { recoveryCodes };
    return { recoveryCodes, ...(await this.steps.advance(await this.signIn.complete(proved, 'totp'), request, reply)) };
  }

  @Post('recovery-codes')
  @HttpCode(200)
  @AddsSecondFactor()
  @CodeChangesOnEasyAccess()
  @ApiOperation({
    summary:
      'Ten new recovery codes, shown once, replace all the old ones (used or not); the trusted browsers ask the code again, ' +
      'and the user is mailed a security alert',
  })
  @Answers(200, RecoveryCodes, 'The new codes')
  @ApiResponse({ status: 409, description: 'conflict: 2FA is off, so there are no recovery codes' })
  // With AddsSecondFactor's: one description per status, the last one read.
  @ApiResponse({ status: 403, description: `${REAUTHENTICATION_REQUIRED}; ${FACTOR_HELD}; ${CODE_CHANGES_ON_EASY_ACCESS}` })
  async regenerateRecoveryCodes(@Auth() { record }: AuthenticatedSession): Promise<RecoveryCodes> {
    const { userId } = record;
    const codes = await this.rpc.request(MfaPatterns.regenerateRecoveryCodes, { userId });
    await this.trustedBrowsers.removeAll(userId);
    return codes;
  }

  @Delete()
  @HttpCode(204)
  @SignedIn()
  @CodeChangesOnEasyAccess()
  @ApiOperation({
    summary:
      'Turns 2FA off; the password is asked again; every reset link mailed before ends, and every trusted browser is forgotten. ' +
      "Each of the user's companies audits it (no actor, no reason) and the admins of those that require 2FA are mailed, " +
      "as when another company's admin turns it off at the user's request, so that neither tells a company that the user has another",
  })
  @ApiResponse({ status: 204, description: 'Off: the user is mailed a security alert; telling the companies is best effort (logged when it fails)' })
  @ApiResponse({ status: 401, description: 'invalid_credentials: wrong password' })
  @ApiResponse({ status: 403, description: `${SECOND_FACTOR_NEEDED}; ${FACTOR_HELD}; ${CODE_CHANGES_ON_EASY_ACCESS}` })
  @ApiResponse({ status: 429, description: 'rate_limited: the sign-in limits count these password checks too' })
  async disable(
    @JsonBody(PasswordBody) body: z.output<typeof PasswordBody>,
    @Auth() session: AuthenticatedSession,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    assertProvedSecondFactor(session.record);
    const { user } = await this.meService.portalViewOf(session);
    await this.passwords.inSession(session, request.ip, user.email, () =>
      this.rpc.request(IdentityPatterns.verifyPassword, { email: user.email, password: body.password }),
    );
    await this.rpc.request(IdentityPatterns.revokeResetLinks, { userId: user.id });
    const { removed } = await this.rpc.request(MfaPatterns.removeFactor, { userId: user.id, alert: true });
    // Not left to mfa's announcement alone: the browsers trusted to skip the code are forgotten by the time the user sees 204.
    await Promise.all([this.cache.invalidate(user.id), this.trustedBrowsers.removeAll(user.id)]);
    // Her companies hear of it as of another company's act at her request, so that neither tells them she has another.
    // The factor is off by now: a failure is logged, not answered as if turning it off had failed.
    if (removed) {
      await this.rpc.request(SecondFactorHelpPatterns.factorTurnedOff, { userId: user.id }).catch((error: Error) => {
        logger.warn(`User ${user.id} turned 2FA off, and their companies were not told: ${error.message}`);
      });
    }
  }
}
