import { DomainError, ErrorCode, UserView } from '@app/contracts';
import { Controller, Get, HttpCode, Inject, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { GATEWAY_CONFIG, GatewayConfig } from '../config';
import { Answers } from '../http/answers.decorator';
import { JsonBody, documentBody } from '../http/json-body.decorator';
import { PortalViewCache } from '../member-view/portal-view.cache';
import { portalOf } from '../portal/portal-url';
import { UNAUTHENTICATED } from '../session/session.guard';
import { SessionStore } from '../session/session.store';
import { clearSessionCookie } from '../session/session-cookie';
import { cookieSession, signInAt } from './current-sign-in';
import { LoginBody, PortalChoiceBody, SignInState, SignInStep } from './sign-in.contract';
import { LocalAuthGuard } from './password/local.strategy';
import { SignInService } from './sign-in.service';
import { OVERTAKEN_SIGN_IN, SignInSteps } from './sign-in-steps';

@ApiTags('sign-in')
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly signIn: SignInService,
    private readonly steps: SignInSteps,
    private readonly sessions: SessionStore,
    private readonly cache: PortalViewCache,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  @Post('login')
  @HttpCode(200)
  @UseGuards(LocalAuthGuard)
  @ApiOperation({ summary: 'Email and password; answers the next step of the sign-in' })
  @documentBody(LoginBody)
  @Answers(200, SignInStep, 'The next step')
  @ApiResponse({
    status: 401,
    description:
      `invalid_credentials: unknown email, wrong password, not activated or not a member here, all alike; ${OVERTAKEN_SIGN_IN}. ` +
      'A user with the code on who is no member of this host\'s company gets the code step all the same (200, `next: "totp"`), and 403 after her code: ' +
      'her password alone, which a firm may have caught on its own host, does not tell which other firms she is a client of',
  })
  @ApiResponse({
    status: 429,
    description:
      'rate_limited, with Retry-After: too many attempts from this address, or wrong passwords for this email; the browsers that signed in as its owner in the last 30 days share a count of their own (with the owner\'s sessions), which gets them past the lock on the email',
  })
  async login(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<SignInStep> {
    const progress = await this.signIn.afterCredentials(request.user as UserView, request.portal!, 'password');
    return this.steps.advance(progress, request, reply);
  }

  @Post('portal')
  @HttpCode(200)
  @ApiOperation({ summary: 'Choose a portal during a sign-in on the easy access host' })
  @Answers(200, SignInStep, 'The next step')
  @ApiResponse({ status: 401, description: OVERTAKEN_SIGN_IN })
  @ApiResponse({ status: 403, description: 'forbidden: not a member of that portal' })
  @ApiResponse({ status: 409, description: 'no_login_in_progress: no sign-in waits for a choice, or another choice went on first (a step opens one session)' })
  async choosePortal(
    @JsonBody(PortalChoiceBody) body: z.output<typeof PortalChoiceBody>,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SignInStep> {
    const session = await signInAt(this.sessions, request, 'select_portal');
    const progress = await this.signIn.choosePortal(session.record, body.portalId);
    return this.steps.advance(progress, request, reply);
  }

  @Get('state')
  @ApiOperation({ summary: 'The step the sign-in in progress waits for, with what a reloaded page needs to show it again' })
  @Answers(200, SignInState, 'The step')
  @ApiResponse({ status: 401, description: UNAUTHENTICATED })
  async state(@Req() request: FastifyRequest): Promise<SignInState> {
    const session = await cookieSession(this.sessions, request);
    if (!session) throw new DomainError(ErrorCode.Unauthenticated, 'No sign-in in progress.');
    const { stage, userId } = session.record;
    if (stage === 'totp') return { next: stage, ...(await this.steps.codeStepOffer(session.record, request)) };
    if (stage !== 'select_portal') return { next: stage };
    // A page reloaded, or landing after Google, must be able to show the choice again.
    const companies = await this.cache.companiesOf(userId, session.cachedView);
    return { next: stage, portals: companies.map((company) => portalOf(company, request)) };
  }

  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'Ends the web session (also when there is none)' })
  async logout(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    const session = await cookieSession(this.sessions, request);
    if (session) await this.sessions.delete(session.id, session.record.userId);
    clearSessionCookie(reply, this.config.COOKIE_SECURE);
  }
}
