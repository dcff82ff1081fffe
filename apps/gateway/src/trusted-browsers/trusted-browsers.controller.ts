import { DomainError, ErrorCode } from '@app/contracts';
import { Controller, Delete, Get, HttpCode, Inject, Param, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { GATEWAY_CONFIG, GatewayConfig } from '../config';
import { Answers } from '../http/answers.decorator';
import { Auth } from '../http/auth.decorator';
import { AuthenticatedSession } from '../session/session';
import { hostTagOf } from '../session/session-host';
import { assertProvedRecently, RecentProof, REAUTHENTICATION_REQUIRED, SignedIn, UNAUTHENTICATED } from '../session/session.guard';
import { clearTrustCookie, presentedTrustId } from './trust-cookie';
import { TrustedBrowserStore } from './trusted-browser.store';
import { TrustedBrowserView } from './trusted-browsers.contract';

@ApiTags('me')
@ApiResponse({ status: 401, description: UNAUTHENTICATED })
@Controller('api/me/trusted-browsers')
export class TrustedBrowsersController {
  constructor(
    private readonly store: TrustedBrowserStore,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  @Get()
  @SignedIn()
  @ApiOperation({
    summary:
      'The browsers that skip the code step for the user on this host (a trust works on its host alone), newest first. ' +
      "Another host's are not listed: their dates would tell a firm's host of a trust made for another firm, with that firm's number of days",
  })
  @Answers(200, z.array(TrustedBrowserView), 'Newest first')
  async list(@Req() request: FastifyRequest, @Auth() { record }: AuthenticatedSession): Promise<TrustedBrowserView[]> {
    const presented = presentedTrustId(request);
    const host = hostTagOf(request);
    // Those trusted under older credentials no longer skip anything (a password change, 2FA turned on): not shown.
    const live = (await this.store.list(record.userId)).filter(([, entry]) => entry.v === record.credentialVersion && entry.h === host);
    return live.map(([id, entry]) => ({
      id,
      device: entry.d,
      createdAt: new Date(entry.c).toISOString(),
      expiresAt: new Date(entry.e).toISOString(),
      current: id === presented,
    }));
  }

  @Delete()
  @HttpCode(204)
  @RecentProof()
  @ApiOperation({ summary: '"Forget all browsers": every browser asks the code again at the next sign-in, this one too' })
  @ApiResponse({ status: 204, description: 'Forgotten' })
  @ApiResponse({ status: 403, description: REAUTHENTICATION_REQUIRED })
  async forgetAll(@Auth() { record }: AuthenticatedSession, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    await this.store.removeAll(record.userId);
    clearTrustCookie(reply, this.config.COOKIE_SECURE);
  }

  @Delete(':id')
  @HttpCode(204)
  @SignedIn()
  @ApiOperation({
    summary: 'Forgets one trusted browser. Forgetting another than this one is a sensitive change, as ending another session: it needs a recent proof',
  })
  @ApiResponse({ status: 204, description: 'Forgotten' })
  @ApiResponse({ status: 403, description: REAUTHENTICATION_REQUIRED })
  @ApiResponse({ status: 404, description: 'not_found: no such trusted browser of yours' })
  async forget(
    @Param('id') id: string,
    @Req() request: FastifyRequest,
    @Auth() { record }: AuthenticatedSession,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    const thisBrowser = id === presentedTrustId(request);
    if (!thisBrowser) assertProvedRecently(record);
    // Only the caller's own hash is looked into: another user's id is simply not there.
    if (!/^[A-Za-z0-9_-]{22}$/.test(id) || !(await this.store.remove(record.userId, id))) {
      throw new DomainError(ErrorCode.NotFound, 'No such trusted browser.');
    }
    if (thisBrowser) clearTrustCookie(reply, this.config.COOKIE_SECURE);
  }
}
