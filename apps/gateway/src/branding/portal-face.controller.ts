import { CompanyBranding, DomainError, ErrorCode } from '@app/contracts';
import { Controller, Get, Inject, Logger, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { FastifyReply, FastifyRequest } from 'fastify';
import { Answers } from '../http/answers.decorator';
import { GOOGLE_SETTINGS, GoogleSettings } from '../sign-in/google/google-settings';
import { BrandingCache } from './branding-cache';
import { brandingView, PortalFace } from './branding.contract';

const NO_BRANDING: CompanyBranding = { accentColor: null, logo: null };

/**
 * A logo is the firm's own file, served from the portal's origin: it is
 * served as the image type its bytes were checked to be, never sniffed as
 * anything else, and in a sandbox with no right to run or load anything.
 */
const LOGO_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; sandbox",
  'Content-Disposition': 'inline; filename="logo"',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/**
 * Only the address of this very version (?v=<digest>, as GET /api/portal
 * gives it) may be kept by browsers and proxies: any other (no version, an
 * old or a made-up one, or a gateway whose copy is a moment old) is answered
 * with the current logo but never stored, so that no cache keeps a wrong
 * image under a firm's logo address.
 */
function cachingOf(asked: unknown, digest: string): string {
  return asked === digest ? 'public, max-age=86400, immutable' : 'no-store';
}

@ApiTags('portal')
@Controller('api/portal')
export class PortalFaceController {
  private readonly logger = new Logger(PortalFaceController.name);

  constructor(
    @Inject(GOOGLE_SETTINGS) private readonly google: GoogleSettings | null,
    private readonly brandings: BrandingCache,
  ) {}

  /** The name comes from the host the request came to, never from a parameter, so no other company can be asked about. */
  @Get()
  @ApiOperation({ summary: 'The company of this host, its accent colour and logo, and the sign-in methods on offer, for the first screen' })
  @Answers(200, PortalFace, 'The portal as the sign-in page shows it')
  @ApiResponse({ status: 404, description: 'unknown_portal: the host is no company’s and not the easy access host' })
  async face(@Req() request: FastifyRequest): Promise<PortalFace> {
    const portal = request.portal;
    const company = portal?.kind === 'company' ? portal.company : null;
    const branding = company ? await this.brandingOf(company.id) : NO_BRANDING;
    return { companyName: company?.name ?? null, google: this.google !== null, ...brandingView(branding) };
  }

  @Get('logo')
  @ApiOperation({
    summary:
      "The logo of this host's company, as the image its admin or the operator set. Cacheable only at the address GET /api/portal gives " +
      '(?v=<its digest>); any other version asked gets the current logo with Cache-Control: no-store',
  })
  @ApiProduces(...['image/png', 'image/jpeg', 'image/webp'])
  @ApiResponse({ status: 200, description: 'The image, with nosniff and a sandboxing Content-Security-Policy' })
  @ApiResponse({ status: 304, description: 'If-None-Match named this logo: unchanged' })
  @ApiResponse({ status: 404, description: 'not_found: the easy access host, or a company without a logo' })
  async logo(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const portal = request.portal;
    const logo = portal?.kind === 'company' ? await this.brandings.logo(portal.company.id) : null;
    if (!logo) throw new DomainError(ErrorCode.NotFound, 'This portal has no logo.');
    const etag = `"${logo.digest}"`;
    const headers = { ...LOGO_HEADERS, ETag: etag, 'Cache-Control': cachingOf((request.query as { v?: unknown }).v, logo.digest) };
    if (request.headers['if-none-match'] === etag) return void (await reply.headers(headers).code(304).send());
    await reply.headers({ ...headers, 'Content-Type': logo.contentType }).send(Buffer.from(logo.data, 'base64'));
  }

  /** The first screen still names the company when its look cannot be read: the look is not worth a blank page. */
  private async brandingOf(companyId: string): Promise<CompanyBranding> {
    try {
      return await this.brandings.look(companyId);
    } catch (error) {
      this.logger.warn(`The portal's look could not be read: ${(error as Error).message}`);
      return NO_BRANDING;
    }
  }
}
