import { SecondFactorHelpPatterns } from '@app/contracts';
import { RpcClient } from '@app/platform';
import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Answers } from '../../http/answers.decorator';
import { JsonBody } from '../../http/json-body.decorator';
import { RateLimiter } from '../../rate-limit/rate-limiter';

/** In a body, never in a query string that access logs would keep. */
const ConfirmationBody = z.object({ token: z.string().min(1).max(200) });
const HelpConfirmed = z.object({ companyName: z.string().meta({ description: 'The company whose admins now have the request' }) });
/** Tokens are 32 random bytes: the limit only caps wasted work, as for the other mailed links. */
const CONFIRMATIONS_PER_IP_PER_HOUR = 60;

/**
 * The link mailed for a "no access to the app" request. The portal posts it
 * on the user's click, never on opening the page: a mail scanner that opens
 * links confirms nothing. No session: the mail may be read on another device.
 */
@ApiTags('sign-in')
@Controller('api/auth/totp/help/confirm')
export class HelpConfirmationController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly limiter: RateLimiter,
  ) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Confirms a "no access to the app" request from the link mailed to the user (single use, within 7 days): its company\'s admins are mailed and may act',
  })
  @Answers(200, HelpConfirmed, 'Confirmed')
  @ApiResponse({ status: 400, description: 'validation_failed: no token; invalid_token: unknown, already used, one of more than the last 5 links of a request, lapsed, or followed after a new password (the same answer for each)' })
  @ApiResponse({ status: 429, description: `rate_limited: ${CONFIRMATIONS_PER_IP_PER_HOUR} per client address per hour` })
  async confirm(@JsonBody(ConfirmationBody) { token }: z.output<typeof ConfirmationBody>, @Req() request: FastifyRequest): Promise<z.output<typeof HelpConfirmed>> {
    await this.limiter.hitPerAddress('help-confirm', request.ip, CONFIRMATIONS_PER_IP_PER_HOUR, 3600);
    return this.rpc.request(SecondFactorHelpPatterns.confirmRequest, { token });
  }
}
