import { TenancyPatterns } from '@app/contracts';
import { RpcClient } from '@app/platform';
import { Controller, Get, Inject, Patch } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Answers } from '../http/answers.decorator';
import { Auth } from '../http/auth.decorator';
import { JsonBody } from '../http/json-body.decorator';
import { AuthenticatedSession } from '../session/session';
import { assertWithinDeployment, SecuritySettings, SecuritySettingsBody, SETTINGS_REFUSED } from './admin.contract';
import { AdminChange, AdminOnly } from './admin.guard';
import { GATEWAY_CONFIG, GatewayConfig } from '../config';

/** The company's security settings, as its admin sees and sets them (the operator also can: PATCH /api/operator/companies/:id/security). */
@ApiTags('admin')
@Controller('api/admin/security')
export class SecuritySettingsController {
  constructor(
    private readonly rpc: RpcClient,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  @Get()
  @AdminOnly()
  @ApiOperation({ summary: "This company's security settings" })
  @Answers(200, SecuritySettings, 'The settings')
  read(@Auth() { record }: AuthenticatedSession): Promise<SecuritySettings> {
    return this.rpc.request(TenancyPatterns.security, { companyId: record.companyId! });
  }

  @Patch()
  @AdminChange()
  @ApiOperation({
    summary:
      "Sets those of this company's security settings the body names. Fewer trusted-browser days apply at once to the browsers " +
      'trusted before (one trusted 10 days ago no longer skips the code once the company allows 7); 0 ends them all. ' +
      'Shorter session lifetimes apply to the web sessions signed in from then on (within 10 minutes, the cached views\' safety net)',
  })
  @Answers(200, SecuritySettings, 'The settings as now stored')
  @ApiResponse({ status: 400, description: SETTINGS_REFUSED })
  update(@JsonBody(SecuritySettingsBody) body: z.output<typeof SecuritySettingsBody>, @Auth() { record }: AuthenticatedSession): Promise<SecuritySettings> {
    assertWithinDeployment(body, this.config);
    return this.rpc.request(TenancyPatterns.setSecurity, { ...body, companyId: record.companyId!, actorUserId: record.userId });
  }
}
