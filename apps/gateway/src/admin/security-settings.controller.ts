import { CompanySecurity, TenancyPatterns, TrustedBrowserDays } from '@app/contracts';
import { RpcClient } from '@app/platform';
import { Controller, Get, Patch } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Auth } from '../http/auth.decorator';
import { JsonBody } from '../http/json-body.decorator';
import { AuthenticatedSession } from '../session/session';
import { AdminOnly } from './admin.guard';

export const SecuritySettingsBody = z.object({ trustedBrowserDays: TrustedBrowserDays });

export const SECURITY_SETTINGS_SCHEMA = {
  type: 'object',
  properties: {
    trustedBrowserDays: {
      type: 'integer',
      minimum: 0,
      maximum: 30,
      description: 'Days a browser trusted at the code step ("don\'t ask again") skips it; 0 turns the option off. 30 unless set.',
    },
  },
};

/** The company's security settings, as its admin sees and sets them (the operator also can: PATCH /api/operator/companies/:id/security). */
@ApiTags('admin')
@Controller('api/admin/security')
export class SecuritySettingsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @AdminOnly()
  @ApiOperation({ summary: "This company's security settings" })
  @ApiResponse({ status: 200, description: 'The settings', schema: SECURITY_SETTINGS_SCHEMA })
  read(@Auth() { record }: AuthenticatedSession): Promise<CompanySecurity> {
    return this.rpc.request(TenancyPatterns.security, { companyId: record.companyId! });
  }

  @Patch()
  @AdminOnly()
  @ApiOperation({
    summary:
      "Sets this company's security settings. Fewer trusted-browser days apply at once to the browsers trusted before " +
      '(one trusted 10 days ago no longer skips the code once the company allows 7); 0 ends them all',
  })
  @ApiResponse({ status: 200, description: 'The settings as now stored', schema: SECURITY_SETTINGS_SCHEMA })
  @ApiResponse({ status: 400, description: 'validation_failed: trustedBrowserDays must be a whole number from 0 to 30' })
  update(@JsonBody(SecuritySettingsBody) body: z.output<typeof SecuritySettingsBody>, @Auth() { record }: AuthenticatedSession): Promise<CompanySecurity> {
    return this.rpc.request(TenancyPatterns.setSecurity, { companyId: record.companyId!, ...body });
  }
}
