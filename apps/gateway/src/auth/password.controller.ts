import { IdentityPatterns } from '@app/contracts';
import { RpcClient } from '@app/platform';
import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { JsonBody } from '../http/json-body.decorator';
import { requestLanguage } from '../http/request-language';
import { RateLimiter } from '../rate-limit/rate-limiter';
import { SessionStore } from '../session/session.store';
import { ForgotPasswordBody, TokenPasswordBody } from './password-reset.bodies';
import { PasswordResetRequests } from './password-reset-requests';
import { NewcomerInvitations } from '../invitations/newcomer-invitations';

/** Requests per address per hour: one machine must not spend every email's mail budget. */
const FORGOT_PER_IP_PER_HOUR = 20;

@ApiTags('password')
@Controller('api/auth')
export class PasswordController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly sessions: SessionStore,
    private readonly limiter: RateLimiter,
    private readonly resetRequests: PasswordResetRequests,
    private readonly newcomers: NewcomerInvitations,
  ) {}

  @Post('activate')
  @HttpCode(204)
  @ApiOperation({
    summary:
      'Sets the first password from the invitation link, and joins the company whose link it is, that one only: each other company ' +
      'that added the user mails her an acceptance link instead (POST /api/invitations/accept). The request’s language ' +
      '(Accept-Language) becomes the user’s, for mails',
  })
  @ApiResponse({ status: 204, description: 'Activated, and a member of the company that mailed the link: the user signs in with that password' })
  @ApiResponse({ status: 400, description: 'invalid_token: unknown, used or expired' })
  @ApiResponse({ status: 422, description: 'weak_password: 10 to 128 characters, not a common password (the link stays usable)' })
  async activate(@JsonBody(TokenPasswordBody) body: z.output<typeof TokenPasswordBody>, @Req() request: FastifyRequest): Promise<void> {
    await this.newcomers.joinThroughLink(body.token, body.password);
    const { userId } = await this.rpc.request(IdentityPatterns.activate, { ...body, language: requestLanguage(request) });
    await this.newcomers.mailWaiting(userId);
  }

  @Post('password/forgot')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Mails a reset link to the user’s own portal, in the request’s language, when the email is known; ' +
      'at most 3 mails per email per hour. Answers 202 before any of this, the same for every email',
  })
  @ApiResponse({ status: 202, description: 'Accepted, whether or not a mail is sent' })
  @ApiResponse({ status: 400, description: 'validation_failed: not one bare email address' })
  @ApiResponse({ status: 429, description: 'rate_limited: 20 requests per client address per hour' })
  async forgot(@JsonBody(ForgotPasswordBody) body: z.output<typeof ForgotPasswordBody>, @Req() request: FastifyRequest): Promise<void> {
    await this.limiter.hitPerAddress('forgot', request.ip, FORGOT_PER_IP_PER_HOUR, 3600);
    this.resetRequests.requestLater(body.email, requestLanguage(request));
  }

  @Post('password/reset')
  @HttpCode(204)
  @ApiOperation({
    summary:
      'Sets a new password from the reset link; every session and device of the user ends. A user who had not activated is active ' +
      'now (the link proved the address) and joins no company by it: each that invited her mails an acceptance link',
  })
  @ApiResponse({ status: 204, description: 'Changed: the user signs in with the new password' })
  @ApiResponse({ status: 400, description: 'invalid_token' })
  @ApiResponse({ status: 422, description: 'weak_password' })
  async reset(@JsonBody(TokenPasswordBody) body: z.output<typeof TokenPasswordBody>): Promise<void> {
    const { userId, credentialVersion, activated } = await this.rpc.request(IdentityPatterns.resetPassword, body);
    await this.sessions.revokeCredentials(userId, credentialVersion);
    if (activated) await this.newcomers.mailWaiting(userId);
  }
}
