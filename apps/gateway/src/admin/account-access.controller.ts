import { CompanyMemberView, Id, RpcClient, TenancyPatterns } from '@app/common';
import { Controller, Get, HttpCode, Param, Put, Req } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { JsonBody } from '../http/json-body.decorator';
import { Idempotent } from '../idempotency/idempotent.decorator';
import { MemberContextCache } from '../me/member-context.cache';
import { AdminOnly } from './admin.guard';
import { memberId } from './member-id.pipe';

const AccountAccessBody = z.object({ accountIds: z.array(Id).max(500) });

@ApiTags('admin')
@Controller('api/admin/clients')
export class AccountAccessController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly cache: MemberContextCache,
  ) {}

  @Get()
  @AdminOnly()
  @ApiOperation({
    summary:
      'This company’s members with their accounts, and the users it invited who have not accepted yet (status invited, no accounts), ' +
      'oldest first, at most 1000',
  })
  list(@Req() request: FastifyRequest): Promise<CompanyMemberView[]> {
    return this.rpc.request(TenancyPatterns.listMembers, { companyId: request.auth!.record.companyId! });
  }

  @Put(':userId/accounts')
  @Idempotent('admin')
  @HttpCode(204)
  @AdminOnly()
  @ApiOperation({
    summary: 'Set the accounts a member of this company may open; an account taken away is gone from their next page',
  })
  @ApiResponse({ status: 404, description: 'not_found: the user is no member of this company (an invited one is not yet)' })
  @ApiResponse({ status: 400, description: 'validation_failed: an account of another company' })
  async setAccounts(
    @Param('userId', memberId) userId: string,
    @JsonBody(AccountAccessBody) body: z.output<typeof AccountAccessBody>,
    @Req() request: FastifyRequest,
  ): Promise<void> {
    const companyId = request.auth!.record.companyId!;
    await this.rpc.request(TenancyPatterns.setAccountAccess, { companyId, userId, accountIds: body.accountIds });
    // Dropped here as well as by tenancy's event, so that the member's very next request sees it.
    await this.cache.invalidate(userId);
  }
}
