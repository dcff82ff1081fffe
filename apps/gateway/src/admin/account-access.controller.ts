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
import { AdminOnly } from './admin.guard';
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
      'This company’s members with their accounts, and the users it invited who have not accepted yet (status invited, no accounts), ' +
      'oldest first, at most 1000',
  })
  @Answers(200, z.array(CompanyMember), 'The members and the invited users')
  list(@Auth() { record }: AuthenticatedSession): Promise<CompanyMember[]> {
    return this.rpc.request(TenancyPatterns.listMembers, { companyId: record.companyId! });
  }

  @Put(':userId/accounts')
  @Idempotent('admin')
  @HttpCode(204)
  @AdminOnly()
  @ApiOperation({
    summary: 'Set the accounts a member of this company may open; an account taken away is gone from their next page',
  })
  @ApiResponse({ status: 204, description: 'Set' })
  @ApiResponse({ status: 404, description: 'not_found: the user is no member of this company (an invited one is not yet)' })
  @ApiResponse({ status: 400, description: 'validation_failed: an account of another company' })
  async setAccounts(
    @Param('userId', memberId) userId: string,
    @JsonBody(AccountAccessBody) body: z.output<typeof AccountAccessBody>,
    @Auth() { record }: AuthenticatedSession,
  ): Promise<void> {
    const companyId = record.companyId!;
    await this.rpc.request(TenancyPatterns.setAccountAccess, { companyId, userId, accountIds: body.accountIds });
    // Dropped here as well as by tenancy's event, so that the member's very next request sees it.
    await this.cache.invalidate(userId);
  }
}
