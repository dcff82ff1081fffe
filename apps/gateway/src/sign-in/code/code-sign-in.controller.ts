import { FreeText, SecondFactorHelpPatterns } from '@app/contracts';
import { RpcClient } from '@app/platform';
import { Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { JsonBody } from '../../http/json-body.decorator';
import { SessionStore } from '../../session/session.store';
import { signInAt } from '../current-sign-in';
import { checkSecondFactor } from '../second-factor';
import { SignInService } from '../sign-in.service';
import { OVERTAKEN_SIGN_IN, SignInStep, SignInSteps } from '../sign-in-steps';

const SecondFactorBody = z.union([
  z.object({ code: z.string().regex(/^\d{6}$/, 'must be 6 digits') }),
  z.object({ recoveryCode: z.string().trim().min(8).max(32) }),
]);
const HelpRequestBody = z.object({ message: FreeText(1000).optional() });

@ApiTags('sign-in')
@ApiResponse({ status: 409, description: 'no_login_in_progress: no sign-in waits for a code' })
@Controller('api/auth/totp')
export class TotpSignInController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly sessions: SessionStore,
    private readonly signIn: SignInService,
    private readonly steps: SignInSteps,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: 'The code from the authenticator app, or a recovery code' })
  @ApiResponse({ status: 401, description: `invalid_code with attemptsLeft; at 0 the sign-in has ended and the password is asked again; ${OVERTAKEN_SIGN_IN}` })
  @ApiResponse({ status: 403, description: 'factor_locked: 100 wrong answers in a row lock the factor; a recovery code still signs in, or an admin turns 2FA off' })
  @ApiResponse({ status: 429, description: 'totp_locked with Retry-After: 10 failures in a row lock the second factor, 15 minutes first, each later lock twice as long (up to a day)' })
  @ApiResponse({ status: 503, description: 'unavailable: the code may have been accepted all the same; the same code, sent again in this sign-in, is accepted' })
  async verify(
    @JsonBody(SecondFactorBody) body: z.output<typeof SecondFactorBody>,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SignInStep> {
    const session = await signInAt(this.sessions, request, 'totp');
    const signIn = { userId: session.record.userId, signInId: session.id, answer: body };
    const passed = await checkSecondFactor(this.rpc, signIn, () => this.sessions.delete(session.id, session.record.userId));
    // The code changed nothing the view shows: the one read with the session answers.
    return this.steps.advance(this.signIn.complete(session.record, passed, session.cachedView), request, reply);
  }

  @Post('help')
  @HttpCode(202)
  @ApiOperation({ summary: '"No access to the app": asks the company’s admins to turn 2FA off' })
  async askForHelp(@JsonBody(HelpRequestBody) body: z.output<typeof HelpRequestBody>, @Req() request: FastifyRequest): Promise<void> {
    const { record } = await signInAt(this.sessions, request, 'totp');
    await this.rpc.request(SecondFactorHelpPatterns.openRequest, {
      companyId: record.companyId!,
      userId: record.userId,
      message: body.message ?? null,
    });
  }
}
