import { BrandingPatterns, DomainError, ErrorCode, TenancyPatterns } from '@app/contracts';
import { RpcClient } from '@app/platform';
import { Controller, Inject, Param, Patch, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { GATEWAY_CONFIG, GatewayConfig } from '../config';
import { Answers } from '../http/answers.decorator';
import { JsonBody } from '../http/json-body.decorator';
import { Idempotent } from '../idempotency/idempotent.decorator';
import { requestLanguage } from '../http/request-language';
import { Account } from '../member-view/me';
import { PortalViewCache } from '../member-view/portal-view.cache';
import { PortalResolver } from '../portal/portal-resolver.service';
import { AccountBody, AddedMember, CompanyBody, CreatedCompany, MemberBody } from './operator.contract';
import { OperatorGuard } from './operator.guard';
import { BrandingCache } from '../branding/branding-cache';
import { BodyLimit } from '../http/body-limit.decorator';
import { BRANDING_BODY_BYTES, BRANDING_REFUSED, BRANDING_SUMMARY, BrandingBody, BrandingView, brandingView } from '../branding/branding.contract';
import { assertWithinDeployment, SecuritySettings, SecuritySettingsBody, SETTINGS_REFUSED } from '../admin/admin.contract';
import { IdParam } from '../http/id-param';

const companyId = new IdParam('No such company.');

/** The 404 of every route on another host (OperatorGuard), for the OpenAPI. */
const ELSEWHERE = "on another host than the easy access host, the operator API's only host (a firm's host would hand that firm the token)";

@ApiTags('operator')
@ApiBearerAuth()
@ApiResponse({ status: 401, description: 'unauthenticated: missing or wrong operator token' })
@ApiResponse({ status: 404, description: `not_found: ${ELSEWHERE}` })
@ApiResponse({ status: 429, description: 'rate_limited, with Retry-After: 10 wrong tokens from this address in 15 minutes; the right one waits too' })
@UseGuards(OperatorGuard)
@Controller('api/operator/companies')
export class OperatorController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly cache: PortalViewCache,
    private readonly portals: PortalResolver,
    private readonly brandings: BrandingCache,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  @Post()
  @Idempotent('operator')
  @ApiOperation({ summary: 'Create a company and the hosts of its portal' })
  @Answers(201, CreatedCompany, 'The company')
  @ApiResponse({ status: 409, description: 'conflict: a host is already taken (or is the easy access host), or cannot be told from one that is: the gateway binds sessions to 48 bits of a host name\'s SHA-256, which a firm could search for another host\'s' })
  async createCompany(@JsonBody(CompanyBody) body: z.output<typeof CompanyBody>): Promise<CreatedCompany> {
    if (body.hosts.includes(this.config.EASY_ACCESS_HOST)) {
      throw new DomainError(ErrorCode.Conflict, 'The easy access host belongs to no company.');
    }
    const company = await this.rpc.request(TenancyPatterns.createCompany, body);
    this.portals.forgetUnknown(company.hosts);
    return company;
  }

  @Patch(':id/security')
  @ApiOperation({ summary: "Sets a company's security settings, as its admin may (PATCH /api/admin/security)" })
  @Answers(200, SecuritySettings, 'The settings as now stored')
  @ApiResponse({ status: 400, description: SETTINGS_REFUSED })
  @ApiResponse({ status: 404, description: `not_found: no such company, or ${ELSEWHERE}` })
  setSecurity(
    @Param('id', companyId) id: string,
    @JsonBody(SecuritySettingsBody) body: z.output<typeof SecuritySettingsBody>,
  ): Promise<SecuritySettings> {
    assertWithinDeployment(body, this.config);
    return this.rpc.request(TenancyPatterns.setSecurity, { ...body, companyId: id, actorUserId: null });
  }

  @Patch(':id/branding')
  @BodyLimit(BRANDING_BODY_BYTES)
  @ApiOperation({ summary: `${BRANDING_SUMMARY}, as its admin may (PATCH /api/admin/branding)` })
  @Answers(200, BrandingView, 'The look as now stored')
  @ApiResponse({ status: 400, description: BRANDING_REFUSED })
  @ApiResponse({ status: 404, description: `not_found: no such company, or ${ELSEWHERE}` })
  @ApiResponse({ status: 413, description: 'payload_too_large: the body is larger than a logo of the largest size allows' })
  async setBranding(@Param('id', companyId) id: string, @JsonBody(BrandingBody) body: z.output<typeof BrandingBody>): Promise<BrandingView> {
    const stored = await this.rpc.request(BrandingPatterns.setBranding, { ...body, companyId: id, actorUserId: null });
    this.brandings.forget(id);
    return brandingView(stored);
  }

  @Post(':id/accounts')
  @Idempotent('operator')
  @ApiOperation({ summary: 'Create a client account in the company' })
  @Answers(201, Account, 'The account')
  @ApiResponse({ status: 404, description: `not_found: no such company, or ${ELSEWHERE}` })
  createAccount(
    @Param('id', companyId) id: string,
    @JsonBody(AccountBody) body: z.output<typeof AccountBody>,
  ): Promise<Account> {
    return this.rpc.request(TenancyPatterns.createAccount, { companyId: id, name: body.name });
  }

  @Post(':id/members')
  @Idempotent('operator')
  @ApiOperation({
    summary:
      'Invite an email; mails the invitation, to a new user in the request’s language (Accept-Language), which becomes theirs. ' +
      'A new user gets activationUrl (activating through it is joining this company). A user who already has an account ' +
      'becomes a member only on accepting: acceptanceUrl is the mailed link (single use, 7 days), given to the operator ' +
      'as the deployment itself. Both are null for a user already a member, who gains the accounts. ' +
      'Links are built from PORTAL_ORIGIN_TEMPLATE on the easy access host, never from the request',
  })
  @Answers(201, AddedMember, 'The user, and the link mailed to them if any')
  @ApiResponse({ status: 400, description: 'validation_failed: a bad email or name, or an account of another company' })
  @ApiResponse({ status: 404, description: `not_found: no such company, or ${ELSEWHERE}` })
  async addMember(
    @Param('id', companyId) id: string,
    @JsonBody(MemberBody) body: z.output<typeof MemberBody>,
    @Req() request: FastifyRequest,
  ): Promise<AddedMember> {
    const added = await this.rpc.request(TenancyPatterns.addMember, {
      ...body,
      companyId: id,
      language: requestLanguage(request),
    });
    await this.cache.invalidate(added.userId);
    return added;
  }
}
