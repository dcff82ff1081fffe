import { AccentColor, CompanyBranding, Logo, LOGO_TYPES, MAX_LOGO_BYTES } from '@app/contracts';
import { z } from 'zod';

/** Each part is optional (a change names those it sets); null removes it. */
export const BrandingBody = z
  .object({ accentColor: AccentColor.nullable(), logo: Logo.nullable() })
  .partial()
  .refine((body) => Object.values(body).some((value) => value !== undefined), 'name the accent colour, the logo or both');

/** What a route that takes a logo reads (its base64, and the JSON around it): the only bodies allowed past MAX_BODY_BYTES. */
export const BRANDING_BODY_BYTES = Math.ceil(MAX_LOGO_BYTES / 3) * 4 + 1024;

/** How the portal shows a company: the address of its logo changes with the logo, so that it may be cached. */
export const BrandingView = z.object({
  accentColor: z
    .string()
    .regex(/^#[0-9a-f]{6}$/)
    .nullable()
    .meta({ description: "The company's accent colour; null: the product's" }),
  logoUrl: z.string().nullable().meta({ description: "Where the portal's host serves the company's logo (GET /api/portal/logo); null: no logo" }),
});
export type BrandingView = z.output<typeof BrandingView>;

export function brandingView({ accentColor, logo }: CompanyBranding): BrandingView {
  return { accentColor, logoUrl: logo ? `/api/portal/logo?v=${logo.digest}` : null };
}

/** What a sign-in page shows before anyone signs in: only what the host itself already tells. */
export const PortalFace = z.object({
  companyName: z.string().nullable().meta({ description: 'The company whose host this is; null on the easy access host' }),
  google: z.boolean().meta({ description: 'Whether "Connexion avec Google" can work on this server' }),
  ...BrandingView.shape,
});
export type PortalFace = z.output<typeof PortalFace>;

export const BRANDING_REFUSED =
  'validation_failed: nothing named; an accent colour not written #rrggbb or too light for white text on it (WCAG AA, 4.5:1); ' +
  `a logo not ${LOGO_TYPES.join(', ')}, not base64, over ${MAX_LOGO_BYTES / 1024} KiB, or whose bytes are not of the type it names (SVG is refused: it can carry script)`;

export const BRANDING_SUMMARY =
  "Sets the company's accent colour and logo, those the body names (null removes one): shown on its portal's host from the first screen on. " +
  'The logo is sent as { contentType, data: base64 }';
