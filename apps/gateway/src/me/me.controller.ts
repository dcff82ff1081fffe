import { DevicePatterns, DomainError, ErrorCode } from '@app/contracts';
import { RpcClient } from '@app/platform';
import { Controller, Get, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Answers } from '../http/answers.decorator';
import { JsonBody } from '../http/json-body.decorator';
import { SessionStore } from '../session/session.store';
import { SignedIn, UNAUTHENTICATED } from '../session/session.guard';
import { AccountChoiceBody, PortalSwitchBody } from './me.contract';
import { Me } from '../member-view/me';
import { portalsSeenAt } from '../member-view/me.presenter';
import { MeService } from '../member-view/me.service';
import { PortalViewCache } from '../member-view/portal-view.cache';
import { portalToSwitchTo } from '../sign-in/flow';
import { lifetimesAt, shorterLifetimes } from '../sign-in/session-records';
import { GATEWAY_CONFIG, GatewayConfig } from '../config';
import { AuthenticatedSession } from '../session/session';
import { Auth } from '../http/auth.decorator';

@ApiTags('me')
@ApiResponse({ status: 401, description: UNAUTHENTICATED })
@Controller('api/me')
export class MeController {
  constructor(
    private readonly meService: MeService,
    private readonly cache: PortalViewCache,
    private readonly sessions: SessionStore,
    private readonly rpc: RpcClient,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  @Get()
  @SignedIn()
  @ApiOperation({ summary: 'The signed-in user, portal, accounts and banner' })
  @Answers(200, Me, 'Who is signed in, where, and for which account')
  me(@Auth() session: AuthenticatedSession, @Req() request: FastifyRequest): Promise<Me> {
    return this.meService.me(session, request);
  }

  @Post('account')
  @HttpCode(200)
  @SignedIn()
  @ApiOperation({ summary: 'Switch account' })
  @Answers(200, Me, 'Acting for that account now')
  @ApiResponse({ status: 403, description: 'forbidden: no access to that account' })
  async switchAccount(
    @JsonBody(AccountChoiceBody) body: z.output<typeof AccountChoiceBody>,
    @Auth() session: AuthenticatedSession,
    @Req() request: FastifyRequest,
  ): Promise<Me> {
    const { member } = await this.meService.portalViewOf(session);
    if (!member.accounts.some((account) => account.id === body.accountId)) {
      throw new DomainError(ErrorCode.Forbidden, 'You have no access to this account.');
    }
    return this.updated(session, request, { accountId: body.accountId });
  }

  @Post('portal')
  @HttpCode(200)
  @SignedIn()
  @ApiOperation({
    summary:
      'Switch to another portal of the same email, on the easy access host (on a company\'s host, only that company is seen); ' +
      'the mobile app chooses its company here, and the device remembers it',
  })
  @Answers(200, Me, 'In that portal now')
  @ApiResponse({
    status: 403,
    description:
      'forbidden: not a member of that portal, or asked on a company\'s host, where only that company is seen (switch on the easy access host); totp_required: that portal requires two-factor authentication, which this session (or this device) did not pass, ' +
      'even if the user has 2FA on: sign in again, on that portal’s host or on the easy access host choosing it, and pass the code there (the app: sign in again)',
  })
  async switchPortal(
    @JsonBody(PortalSwitchBody) body: z.output<typeof PortalSwitchBody>,
    @Auth() session: AuthenticatedSession,
    @Req() request: FastifyRequest,
  ): Promise<Me> {
    const { record } = session;
    const companies = portalsSeenAt(request, await this.cache.companiesOf(record.userId, session.cachedView));
    // Only if this session (or the device of a mobile one) passed what that portal requires: the user having it since is not enough.
    const portal = portalToSwitchTo(companies, body.portalId, record.factors);
    if (record.deviceId) {
      await this.rpc.request(DevicePatterns.rememberCompany, { userId: record.userId, deviceId: record.deviceId, companyId: body.portalId });
    }
    // A web session entering a company that chose shorter sessions takes them on; never longer ones.
    const shorter = record.kind === 'web' ? shorterLifetimes(record, lifetimesAt(portal, this.config)) : {};
    return this.updated(session, request, { companyId: body.portalId, accountId: null, ...shorter });
  }

  @Post('banner/dismiss')
  @HttpCode(204)
  @SignedIn()
  @ApiOperation({ summary: 'Close the account banner until the next sign-in' })
  async dismissBanner(@Auth() session: AuthenticatedSession): Promise<void> {
    await this.sessions.update(session.id, { bannerDismissed: true });
  }

  private async updated(session: AuthenticatedSession, request: FastifyRequest, changes: Parameters<SessionStore['update']>[1]): Promise<Me> {
    if (!(await this.sessions.update(session.id, changes))) {
      throw new DomainError(ErrorCode.Unauthenticated, 'Your session has ended.');
    }
    const record = { ...session.record, ...changes };
    return this.meService.me({ ...session, record }, request);
  }
}
