import { DomainError, ErrorCode, FreeText, ProvenFactor, SecondFactorHelpPatterns, TenancyPatterns } from '@app/contracts';
import { RpcClient } from '@app/platform';
import { Controller, HttpCode, Inject, Logger, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { GATEWAY_CONFIG, GatewayConfig } from '../../config';
import { Answers } from '../../http/answers.decorator';
import { JsonBody } from '../../http/json-body.decorator';
import { PasskeyRequestOptions } from '../../passkeys/passkeys.contract';
import { AuthenticationResponse } from '../../passkeys/ceremony-responses';
import { PasskeyAuthentication } from '../../passkeys/passkey-authentication.service';
import { RelyingParty, relyingPartyOf } from '../../passkeys/relying-party';
import { RateLimiter } from '../../rate-limit/rate-limiter';
import { AuthenticatedSession } from '../../session/session';
import { SessionStore } from '../../session/session.store';
import { signInAt } from '../current-sign-in';
import { PASSKEY_EXPIRED, PASSKEY_REFUSALS } from '../passkey/passkey-sign-in.controller';
import { checkSecondFactor, SecondFactorAnswer } from '../second-factor';
import { SignInService } from '../sign-in.service';
import { HelpAsked, SignInStep } from '../sign-in.contract';
import { OVERTAKEN_SIGN_IN, SignInSteps } from '../sign-in-steps';
import { BrowserTrust } from '../../trusted-browsers/browser-trust';

const logger = new Logger('sign-in');

/** `trustBrowser`: "don't ask again on this browser", for the days the step offered (`trustBrowserDays`). */
const SecondFactorBody = z
  .union([
    z.object({ code: z.string().regex(/^\d{6}$/, 'must be 6 digits') }),
    z.object({ recoveryCode: z.string().trim().min(8).max(32) }),
    z.object({ passkey: AuthenticationResponse }),
  ])
  .and(z.object({ trustBrowser: z.boolean().default(false) }));
/** Passkey ceremonies a sign-in waiting at its second step may start per minute. */
const PASSKEY_OPTIONS_PER_ADDRESS_PER_MINUTE = 30;
const HelpRequestBody = z.object({ message: FreeText(1000).optional() });
/** Each request mails the user a link: whoever has the password must not flood their mailbox. */
const HELP_REQUESTS_PER_USER_PER_HOUR = 5;

/** Tenancy's answer to a request for a company the user is no member of. */
const isNotMember = (reason: unknown) => reason instanceof DomainError && reason.code === ErrorCode.NotFound;

@ApiTags('sign-in')
@ApiResponse({ status: 409, description: 'no_login_in_progress: no sign-in waits for a code, or another answer to this step went on first (a step opens one session)' })
@Controller('api/auth/totp')
export class TotpSignInController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly sessions: SessionStore,
    private readonly signIn: SignInService,
    private readonly steps: SignInSteps,
    private readonly passkeys: PasskeyAuthentication,
    private readonly limiter: RateLimiter,
    private readonly trust: BrowserTrust,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'The second step, by one of the step\'s `methods`: `{ code }` from the authenticator app or `{ recoveryCode }` (method `totp`), ' +
      'or `{ passkey }`, an assertion answering POST /api/auth/totp/passkey-options (method `passkey`). ' +
      'With `trustBrowser: true`, where the step offered days (`trustBrowserDays` > 0), the answer also sets the HttpOnly cookie ' +
      '`portal_trust`: on this browser and host, the user\'s next sign-ins skip this step for those days, until their password ' +
      'or factors change, they forget the browser, or the company shortens or turns off the option',
  })
  @Answers(200, SignInStep, 'The next step')
  @ApiResponse({ status: 400, description: `validation_failed; ${PASSKEY_EXPIRED}` })
  @ApiResponse({
    status: 401,
    description: `invalid_code with attemptsLeft; at 0 the sign-in has ended and the password is asked again; ${PASSKEY_REFUSALS}, or the passkey of someone else; ${OVERTAKEN_SIGN_IN}`,
  })
  @ApiResponse({
    status: 403,
    description:
      'factor_locked: 100 wrong codes in a row lock the factor; a recovery code still signs in, or an admin turns 2FA off. ' +
      'forbidden: she is no member of this host\'s company (or no longer), told only once she gave her second factor',
  })
  @ApiResponse({ status: 429, description: 'totp_locked with Retry-After: 10 wrong codes in a row lock the codes, 15 minutes first, each later lock twice as long (up to a day); recovery codes are never locked (5 per sign-in)' })
  @ApiResponse({ status: 503, description: 'unavailable: the code may have been accepted all the same; the same code, sent again in this sign-in, is accepted' })
  async verify(
    @JsonBody(SecondFactorBody) body: z.output<typeof SecondFactorBody>,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SignInStep> {
    const session = await signInAt(this.sessions, request, 'totp');
    const { trustBrowser, ...answer } = body;
    const passkey = 'passkey' in answer ? await this.passkeyOf(session, request, answer.passkey) : null;
    const passed = 'passkey' in answer ? 'passkey' : await this.codeOf(session, answer);
    // The passkey that answered, so that removing it ends the session (PasskeysController.remove).
    const record = passkey ? { ...session.record, passkeys: [...session.record.passkeys, passkey] } : session.record;
    // The answer changed nothing the view shows: the one read with the session answers.
    const step = await this.steps.advance(await this.signIn.complete(record, passed, session.cachedView), request, reply);
    // The session is issued and its cookie set: a trust that cannot be kept now is asked again next time, never a failed sign-in.
    if (trustBrowser) await this.trust.remember(request, reply, session.record).catch((error: Error) => logger.warn(`The browser was not trusted: ${error.message}`));
    return step;
  }

  @Post('passkey-options')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Options for navigator.credentials.get() for the step\'s method `passkey`, user verification required; valid once, for 5 minutes. ' +
      'On the easy access host they name the signing-in user\'s passkeys there (allowCredentials); on a company\'s host none (the browser offers ' +
      'its passkeys for the host), as they would tell whether she is its client. Either way only her own passkey answers the step.',
  })
  @Answers(200, PasskeyRequestOptions, 'For @simplewebauthn/browser startAuthentication({ optionsJSON })')
  @ApiResponse({ status: 429, description: `rate_limited: ${PASSKEY_OPTIONS_PER_ADDRESS_PER_MINUTE} a minute per address, with Retry-After` })
  async passkeyOptions(@Req() request: FastifyRequest): Promise<PasskeyRequestOptions> {
    const { userId } = (await signInAt(this.sessions, request, 'totp')).record;
    const rpId = this.rp(request).id;
    // Per address, as the usernameless options (the same challenge on a company's host): counted per user, whoever holds
    // her password, reaching this step on every host (SignInService), spent it and refused her passkey everywhere.
    await this.limiter.hitPerAddress('passkey-second-step', request.ip, PASSKEY_OPTIONS_PER_ADDRESS_PER_MINUTE, 60);
    // On a company's host, her passkeys there would tell whether she is its client (SecondStepMethods): the options name
    // none, and the answer's owner is checked at verify (passkeyOf).
    return this.passkeys.options(rpId, request.portal?.kind === 'company' ? null : userId);
  }

  @Post('help')
  @HttpCode(202)
  @ApiOperation({ summary: '"No access to the app": asks the company’s admins to turn 2FA off, once the user confirms it from their mailbox' })
  @Answers(
    202,
    HelpAsked,
    'Asked: the user is mailed a link (on the easy access host, never a firm\'s) that confirms the request; only then are the admins mailed and may they act ' +
      '(POST /api/auth/totp/help/confirm): a sign-in proves the password alone, which a firm may have caught on its own host. Before the ' +
      'choice of portal on the easy access host, a request goes to each of the user\'s companies, each with its own mail. Asking again ' +
      'before confirming mails another link (the last 5 all work), each quoting the message sent with it and confirming that one: the admins read the ' +
      'message of the link she followed. After her confirmation, asking again changes nothing the admins read. A new password voids a request; ' +
      'one lets the admins act for 7 days. The answer is empty, whether a link was mailed or not: on the host of a company she is no member of ' +
      '(her code step is asked all the same) nothing is sent to anyone, and after her confirmation nothing new is mailed',
  )
  @ApiResponse({ status: 429, description: `rate_limited: ${HELP_REQUESTS_PER_USER_PER_HOUR} a user per hour on each company's host, and as many on the easy access host whatever her companies (each mails the user), with Retry-After` })
  async askForHelp(@JsonBody(HelpRequestBody) body: z.output<typeof HelpRequestBody>, @Req() request: FastifyRequest): Promise<HelpAsked> {
    const { record } = await signInAt(this.sessions, request, 'totp');
    const { userId, companyId, credentialVersion } = record;
    // Counted per firm's host, and on the easy access host apart, whether she went straight into her one firm there or not: a firm
    // that caught the password on its host must not use up her requests elsewhere, nor learn from their count that she has another firm.
    const countedAt = request.portal?.kind === 'company' ? request.portal.company.id : 'easy-access';
    const limit = { key: `help-request:${userId}:${countedAt}`, max: HELP_REQUESTS_PER_USER_PER_HOUR, windowSeconds: 3600 };
    await this.limiter.hit(limit);
    // Before the choice of portal (easy access host), the step names no firm: each of the user's is asked, and any of them may help.
    const companyIds = companyId ? [companyId] : (await this.rpc.request(TenancyPatterns.listCompaniesOfUser, { userId })).map(({ id }) => id);
    const asked = await Promise.allSettled(
      companyIds.map((companyId) =>
        this.rpc.request(SecondFactorHelpPatterns.openRequest, { companyId, userId, message: body.message ?? null, credentialVersion }),
      ),
    );
    // One firm that answered is help on the way: only when none did is the call refused. A firm she is no member of (one
    // that dropped her meanwhile, or the host of a sign-in asked the code all the same, SignInService) is asked nothing,
    // and answered as a member would be: whoever holds her password must not learn from this which firms she is a client of.
    const answered = asked.some((outcome) => outcome.status === 'fulfilled');
    const refusal = asked.flatMap((outcome) => (outcome.status === 'rejected' && !isNotMember(outcome.reason) ? [outcome.reason as unknown] : []))[0];
    if (!answered && refusal) throw refusal;
    return {};
  }

  private async codeOf(session: AuthenticatedSession, answer: SecondFactorAnswer): Promise<ProvenFactor> {
    const signIn = { userId: session.record.userId, signInId: session.id, answer };
    return checkSecondFactor(this.rpc, signIn, () => this.sessions.delete(session.id, session.record.userId));
  }

  /**
   * The options of this step name no passkey on a company's host, and a
   * challenge from the usernameless options would verify any passkey of the
   * host: the owner is named, so that a password thief's own passkey is no
   * second factor (refused before its use is recorded).
   * @returns the passkey's id
   */
  private async passkeyOf(session: AuthenticatedSession, request: FastifyRequest, response: AuthenticationResponse): Promise<string> {
    return (await this.passkeys.verifyAuthentication(this.rp(request), response, session.record.userId)).passkeyId;
  }

  private rp(request: FastifyRequest): RelyingParty {
    return relyingPartyOf(request, this.config);
  }
}
