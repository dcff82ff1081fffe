import { z } from 'zod';
import { defineRequest } from '../messages/message-contract';
import { Id } from '../identity/values';

/** The relative luminance of a "#rrggbb" colour (WCAG 2.2). */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((at) => {
    const channel = parseInt(hex.slice(at, at + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** How white text reads on the colour: 1 to 21. */
export function contrastWithWhite(hex: string): number {
  return 1.05 / (luminance(hex) + 0.05);
}

/**
 * A company's accent colour, as "#rrggbb". The portal's buttons write white
 * on it and its links use it on white, so it must keep WCAG AA's 4.5:1 with
 * white: a firm cannot make its own sign-in page unreadable.
 */
export const AccentColor = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^#[0-9a-f]{6}$/, 'must be a colour written #rrggbb')
  .refine((color) => contrastWithWhite(color) >= 4.5, 'must be dark enough for white text on it (a contrast of at least 4.5:1)');

/** Raster images only: an SVG can carry script, and the logo is served on the portal's own origin. */
export const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export type LogoType = (typeof LOGO_TYPES)[number];
export const MAX_LOGO_BYTES = 100 * 1024;

/** The first bytes each type starts with: a file is what its bytes say, not what its name or its sender says. */
const SIGNATURES: Record<LogoType, (bytes: Buffer) => boolean> = {
  'image/png': (bytes) => bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/jpeg': (bytes) => bytes.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff])),
  'image/webp': (bytes) => bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WEBP',
};

/** A logo as sent in JSON: its type and its bytes in base64, at most MAX_LOGO_BYTES. */
export const Logo = z
  .object({
    contentType: z.enum(LOGO_TYPES),
    data: z
      .string()
      .max(Math.ceil(MAX_LOGO_BYTES / 3) * 4, `must be at most ${MAX_LOGO_BYTES / 1024} KiB`)
      .regex(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/, 'must be base64'),
  })
  // The length of the text bounds the bytes only to within two: the bytes themselves are counted.
  .refine(({ data }) => Buffer.byteLength(data, 'base64') <= MAX_LOGO_BYTES, { message: `must be at most ${MAX_LOGO_BYTES / 1024} KiB`, path: ['data'] })
  .refine(({ contentType, data }) => SIGNATURES[contentType](Buffer.from(data, 'base64')), {
    message: 'must be an image of the type it names (PNG, JPEG or WebP)',
    path: ['data'],
  });
export type Logo = z.infer<typeof Logo>;

/** How a company's portal looks before and after sign-in. */
export interface CompanyBranding {
  /** Null: the product's own blue. */
  accentColor: string | null;
  /** Null: no logo; the digest names this version of it (for the address that caches it). */
  logo: { contentType: LogoType; digest: string } | null;
}

export const BrandingPatterns = {
  branding: defineRequest<CompanyBranding>()('tenancy.branding.read', z.object({ companyId: Id }), { idempotent: true }),
  /** Sets those given (null removes), audited with `actorUserId` (null: the operator); not retried. @throws not_found for an unknown company. */
  setBranding: defineRequest<CompanyBranding>()(
    'tenancy.branding.set',
    z.object({ companyId: Id, actorUserId: Id.nullable(), accentColor: AccentColor.nullable().optional(), logo: Logo.nullable().optional() }),
  ),
  /** The logo's bytes in base64, or null when the company has none. */
  logo: defineRequest<(Logo & { digest: string }) | null>()('tenancy.branding.logo', z.object({ companyId: Id }), { idempotent: true }),
};
