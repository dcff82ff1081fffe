import { IdentityPatterns } from '@app/contracts';
import { RpcClient } from '@app/platform';
import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Answers } from '../http/answers.decorator';
import { JsonBody } from '../http/json-body.decorator';
import { RateLimiter } from '../rate-limit/rate-limiter';
import { LinkCheck, LinkCheckBody } from './link-check.contract';

/** Opening a mailed link is rare; tokens are 32 random bytes, so the limit only caps wasted work. */
const CHECKS_PER_IP_PER_HOUR = 60;

@ApiTags('password')
@Controller('api/auth/links')
export class LinkCheckController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly limiter: RateLimiter,
  ) {}

  @Post('check')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Says whether an activation, reset or "this wasn\'t me" link can still be used, without using it: the portal asks when the page opens',
  })
  @Answers(200, LinkCheck, 'Whether the link can still be used')
  @ApiResponse({ status: 400, description: 'validation_failed: no token, or a purpose other than activation, reset or not_me' })
  @ApiResponse({ status: 429, description: 'rate_limited: 60 checks per client address per hour' })
  async check(@JsonBody(LinkCheckBody) body: z.output<typeof LinkCheckBody>, @Req() request: FastifyRequest): Promise<LinkCheck> {
    await this.limiter.hitPerAddress('link-check', request.ip, CHECKS_PER_IP_PER_HOUR, 3600);
    return this.rpc.request(IdentityPatterns.checkLink, body);
  }
}
