import { BrandingPatterns } from '@app/contracts';
import { RpcClient } from '@app/platform';
import { Controller, Get, Patch } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { BrandingCache } from '../branding/branding-cache';
import { BodyLimit } from '../http/body-limit.decorator';
import { BRANDING_BODY_BYTES, BRANDING_REFUSED, BRANDING_SUMMARY, BrandingBody, BrandingView, brandingView } from '../branding/branding.contract';
import { Answers } from '../http/answers.decorator';
import { Auth } from '../http/auth.decorator';
import { JsonBody } from '../http/json-body.decorator';
import { AuthenticatedSession } from '../session/session';
import { AdminOnly } from './admin.guard';

/** The company's look, as its admin sees and sets it (the operator also can: PATCH /api/operator/companies/:id/branding). */
@ApiTags('admin')
@Controller('api/admin/branding')
export class BrandingController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly brandings: BrandingCache,
  ) {}

  @Get()
  @AdminOnly()
  @ApiOperation({ summary: "This company's accent colour and logo" })
  @Answers(200, BrandingView, 'The look')
  async read(@Auth() { record }: AuthenticatedSession): Promise<BrandingView> {
    return brandingView(await this.rpc.request(BrandingPatterns.branding, { companyId: record.companyId! }));
  }

  @Patch()
  @BodyLimit(BRANDING_BODY_BYTES)
  @AdminOnly()
  @ApiOperation({ summary: BRANDING_SUMMARY })
  @Answers(200, BrandingView, 'The look as now stored')
  @ApiResponse({ status: 400, description: BRANDING_REFUSED })
  @ApiResponse({ status: 413, description: 'payload_too_large: the body is larger than a logo of the largest size allows' })
  async update(@JsonBody(BrandingBody) body: z.output<typeof BrandingBody>, @Auth() { record }: AuthenticatedSession): Promise<BrandingView> {
    const stored = await this.rpc.request(BrandingPatterns.setBranding, { ...body, companyId: record.companyId!, actorUserId: record.userId });
    this.brandings.forget(record.companyId!);
    return brandingView(stored);
  }
}
