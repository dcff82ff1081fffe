import { InvitationToken, TenancyPatterns } from '@app/contracts';
import { RpcClient } from '@app/platform';
import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { JsonBody } from '../http/json-body.decorator';
import { PortalViewCache } from '../member-view/portal-view.cache';

const AcceptanceBody = z.object({ token: InvitationToken });

@ApiTags('invitations')
@Controller('api/invitations')
export class InvitationsController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly cache: PortalViewCache,
  ) {}

  /**
   * Public, as the activation: the token, mailed to the user's own address, is
   * the proof of consent. A session is not asked for, so that the link works
   * from any device the mail is read on.
   */
  @Post('accept')
  @HttpCode(204)
  @ApiOperation({
    summary:
      'Accept a company’s invitation by the token of the mailed link: the user becomes a member, with the invited role and accounts, ' +
      'in one step or not at all. The link works once, for 7 days',
  })
  @ApiResponse({ status: 204, description: 'The user is now a member of the company' })
  @ApiResponse({ status: 400, description: 'invalid_token: unknown, used or expired; validation_failed: no token' })
  async accept(@JsonBody(AcceptanceBody) body: z.output<typeof AcceptanceBody>): Promise<void> {
    const { userId } = await this.rpc.request(TenancyPatterns.acceptInvitation, body);
    // Dropped here as well as by tenancy's event, so that the user's very next request sees the new portal.
    await this.cache.invalidate(userId);
  }
}
