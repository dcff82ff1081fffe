import { z } from 'zod';

/** apple-app-site-association: `webcredentials` lets the listed apps use the host's passkeys. */
export const AppleAppSiteAssociation = z.object({
  webcredentials: z.object({ apps: z.array(z.string()).meta({ description: 'TEAMID.bundle.id, from MOBILE_APPLE_APP_IDS' }) }),
});
export type AppleAppSiteAssociation = z.output<typeof AppleAppSiteAssociation>;

/** One Digital Asset Links statement: the Android app may use the host's passkeys and open its links. */
export const AssetLinkStatement = z.object({
  relation: z.array(z.string()),
  target: z.object({
    namespace: z.literal('android_app'),
    package_name: z.string().meta({ description: 'MOBILE_ANDROID_PACKAGE' }),
    sha256_cert_fingerprints: z.array(z.string()).meta({ description: 'MOBILE_ANDROID_CERT_SHA256, upper-case hex pairs joined by colons' }),
  }),
});
export type AssetLinkStatement = z.output<typeof AssetLinkStatement>;
