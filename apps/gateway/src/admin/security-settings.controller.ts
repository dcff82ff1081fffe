import { CompanySecurity, DomainError, ErrorCode, SessionLimit, TenancyPatterns, TrustedBrowserDays } from '@app/contracts';
import { RpcClient } from '@app/platform';
import { Controller, Get, Inject, Patch } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Auth } from '../http/auth.decorator';
import { JsonBody } from '../http/json-body.decorator';
import { AuthenticatedSession } from '../session/session';
import { AdminOnly } from './admin.guard';
import { GATEWAY_CONFIG, GatewayConfig } from '../config';

/** Each setting is optional: a change names those it sets. */
export const SecuritySettingsBody = z
  .object({ trustedBrowserDays: TrustedBrowserDays, sessionIdleMinutes: SessionLimit, sessionAbsoluteHours: SessionLimit })
  .partial()
  .refine((body) => Object.values(body).some((value) => value !== undefined), 'name at least one setting');

type Deployment = Pick<GatewayConfig, 'SESSION_IDLE_MINUTES' | 'SESSION_ABSOLUTE_HOURS'>;

/**
 * A company may shorten its web sessions, never lengthen them past the deployment's.
 * @throws DomainError validation_failed
 */
export function assertWithinDeployment(body: z.output<typeof SecuritySettingsBody>, deployment: Deployment): void {
  const over =
    (body.sessionIdleMinutes ?? 0) > deployment.SESSION_IDLE_MINUTES
      ? `sessionIdleMinutes: at most ${deployment.SESSION_IDLE_MINUTES}`
      : (body.sessionAbsoluteHours ?? 0) > deployment.SESSION_ABSOLUTE_HOURS
        ? `sessionAbsoluteHours: at most ${deployment.SESSION_ABSOLUTE_HOURS}`
        : null;
  if (over) throw new DomainError(ErrorCode.ValidationFailed, `A company may only shorten its sessions (${over}, this deployment's).`);
}

export const SETTINGS_REFUSED =
  'validation_failed: no setting named, trustedBrowserDays not a whole number from 0 to 30, or a session lifetime not a whole number ' +
  'from 1 to the deployment\'s (SESSION_IDLE_MINUTES, SESSION_ABSOLUTE_HOURS)';

export const SECURITY_SETTINGS_SCHEMA = {
  type: 'object',
  properties: {
    trustedBrowserDays: {
      type: 'integer',
      minimum: 0,
      maximum: 30,
      description: 'Days a browser trusted at the code step ("don\'t ask again") skips it; 0 turns the option off. 30 unless set.',
    },
    sessionIdleMinutes: {
      type: 'integer',
      nullable: true,
      minimum: 1,
      description: "Minutes without activity that end a web session, if shorter than the deployment's; null: the deployment's",
    },
    sessionAbsoluteHours: {
      type: 'integer',
      nullable: true,
      minimum: 1,
      description: "Hours after which a web session ends whatever its activity, if shorter than the deployment's; null: the deployment's",
    },
  },
};

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
  @ApiResponse({ status: 200, description: 'The settings', schema: SECURITY_SETTINGS_SCHEMA })
  read(@Auth() { record }: AuthenticatedSession): Promise<CompanySecurity> {
    return this.rpc.request(TenancyPatterns.security, { companyId: record.companyId! });
  }

  @Patch()
  @AdminOnly()
  @ApiOperation({
    summary:
      "Sets those of this company's security settings the body names. Fewer trusted-browser days apply at once to the browsers " +
      'trusted before (one trusted 10 days ago no longer skips the code once the company allows 7); 0 ends them all. ' +
      'Shorter session lifetimes apply to the web sessions signed in from then on (within 10 minutes, the cached views\' safety net)',
  })
  @ApiResponse({ status: 200, description: 'The settings as now stored', schema: SECURITY_SETTINGS_SCHEMA })
  @ApiResponse({ status: 400, description: SETTINGS_REFUSED })
  update(@JsonBody(SecuritySettingsBody) body: z.output<typeof SecuritySettingsBody>, @Auth() { record }: AuthenticatedSession): Promise<CompanySecurity> {
    assertWithinDeployment(body, this.config);
    return this.rpc.request(TenancyPatterns.setSecurity, { ...body, companyId: record.companyId!, actorUserId: record.userId });
  }
}
