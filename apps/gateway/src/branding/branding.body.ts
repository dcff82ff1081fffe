import { AccentColor, CompanyBranding, Logo, LOGO_TYPES, MAX_LOGO_BYTES } from '@app/contracts';
import { z } from 'zod';

/** Each part is optional (a change names those it sets); null removes it. */
export const BrandingBody = z
  .object({ accentColor: AccentColor.nullable(), logo: Logo.nullable() })
  .partial()
  .refine((body) => Object.values(body).some((value) => value !== undefined), 'name the accent colour, the logo or both');

/** The routes that take a logo: the only bodies allowed past MAX_BODY_BYTES (its base64, and the JSON around it). */
export const BRANDING_ROUTES = ['/api/admin/branding', '/api/operator/companies/:id/branding'];
export const BRANDING_BODY_BYTES = Math.ceil(MAX_LOGO_BYTES / 3) * 4 + 1024;

/** How the portal shows a company: the address of its logo changes with the logo, so that it may be cached. */
export interface BrandingView {
  accentColor: string | null;
  logoUrl: string | null;
}

export function brandingView({ accentColor, logo }: CompanyBranding): BrandingView {
  return { accentColor, logoUrl: logo ? `/api/portal/logo?v=${logo.digest}` : null };
}

export const BRANDING_VIEW_PROPERTIES = {
  accentColor: { type: 'string', nullable: true, pattern: '^#[0-9a-f]{6}$', description: "The company's accent colour; null: the product's" },
  logoUrl: { type: 'string', nullable: true, description: "Where the portal's host serves the company's logo (GET /api/portal/logo); null: no logo" },
};

export const BRANDING_VIEW_SCHEMA = { type: 'object', required: ['accentColor', 'logoUrl'], properties: BRANDING_VIEW_PROPERTIES };

export const BRANDING_REFUSED =
  'validation_failed: nothing named; an accent colour not written #rrggbb or too light for white text on it (WCAG AA, 4.5:1); ' +
  `a logo not ${LOGO_TYPES.join(', ')}, not base64, over ${MAX_LOGO_BYTES / 1024} KiB, or whose bytes are not of the type it names (SVG is refused: it can carry script)`;

export const BRANDING_SUMMARY =
  "Sets the company's accent colour and logo, those the body names (null removes one): shown on its portal's host from the first screen on. " +
  'The logo is sent as { contentType, data: base64 }';
