import { Controller, Get, Inject, Req } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import { GOOGLE_SETTINGS, GoogleSettings } from '../sign-in/google/google-settings';

/** What a sign-in page shows before anyone signs in: only what the host itself already tells. */
export interface PortalFace {
  /** The company whose host this is; null on the easy access host. */
  companyName: string | null;
  /** Whether "Connexion avec Google" can work on this server. */
  google: boolean;
}

const portalFaceSchema = {
  type: 'object',
  required: ['companyName', 'google'],
  properties: { companyName: { type: 'string', nullable: true }, google: { type: 'boolean' } },
};

@ApiTags('portal')
@Controller('api/portal')
export class PortalFaceController {
  constructor(@Inject(GOOGLE_SETTINGS) private readonly google: GoogleSettings | null) {}

  /** The name comes from the host the request came to, never from a parameter, so no other company can be asked about. */
  @Get()
  @ApiOperation({ summary: 'The company of this host and the sign-in methods on offer, for the first screen' })
  @ApiResponse({ status: 200, description: 'The portal as the sign-in page shows it', schema: portalFaceSchema })
  @ApiResponse({ status: 404, description: 'unknown_portal: the host is no company’s and not the easy access host' })
  face(@Req() request: FastifyRequest): PortalFace {
    const portal = request.portal;
    return { companyName: portal?.kind === 'company' ? portal.company.name : null, google: this.google !== null };
  }
}
