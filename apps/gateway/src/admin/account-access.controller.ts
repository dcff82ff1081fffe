import { TenancyPatterns } from '@app/contracts';
import { RpcClient } from '@app/platform';
import { Controller, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Answers } from '../http/answers.decorator';
import { JsonBody } from '../http/json-body.decorator';
import { Idempotent } from '../idempotency/idempotent.decorator';
import { PortalViewCache } from '../member-view/portal-view.cache';
import { AccountAccessBody, CompanyMember } from './admin.contract';
import { AdminChange, AdminOnly } from './admin.guard';
import { memberId } from './member-id.pipe';
import { AuthenticatedSession } from '../session/session';
import { Auth } from '../http/auth.decorator';

@ApiTags('admin')
@Controller('api/admin/clients')
export class AccountAccessController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly cache: PortalViewCache,
  ) {}

  @Get()
  @AdminOnly()
  @ApiOperation({
    summary:
      'This company’s people with their accounts, by name, at most 1000: `invited` until a person answers the company’s mail, ' +
      'named as the company typed them, whether or not their email already had an account',
  })
  @Answers(200, z.array(CompanyMember), 'The members and the invited users')
  list(@Auth() { record }: AuthenticatedSession): Promise<CompanyMember[]> {
    return this.rpc.request(TenancyPatterns.listMembers, { companyId: record.companyId! });
  }

  @Put(':userId/accounts')
  @Idempotent('admin')
  @HttpCode(204)
  @AdminChange()
  @ApiOperation({
    summary:
      'Set the accounts a member of this company may open (an account taken away is gone from their next page), ' +
      'or an invited person will open on answering the mail',
  })
  @ApiResponse({ status: 204, description: 'Set' })
  @ApiResponse({ status: 404, description: 'not_found: the user is neither a member of this company nor invited to it' })
  @ApiResponse({ status: 400, description: 'validation_failed: an account of another company' })
  async setAccounts(
    @Param('userId', memberId) userId: string,
    @JsonBody(AccountAccessBody) body: z.output<typeof AccountAccessBody>,
    @Auth() { record }: AuthenticatedSession,
  ): Promise<void> {
    const companyId = record.companyId!;
    await this.rpc.request(TenancyPatterns.setAccountAccess, { companyId, userId, accountIds: body.accountIds, actorUserId: record.userId });
    // Dropped here as well as by tenancy's event, so that the member's very next request sees it.
    await this.cache.invalidate(userId);
  }
}
