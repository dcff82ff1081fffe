import { GatewayConfig } from '../config';

/** apple-app-site-association: `webcredentials` lets the listed apps use the host's passkeys. */
export interface AppleAppSiteAssociation {
  webcredentials: { apps: string[] };
}

/** One Digital Asset Links statement: the Android app may use the host's passkeys and open its links. */
export interface AssetLinkStatement {
  relation: string[];
  target: { namespace: 'android_app'; package_name: string; sha256_cert_fingerprints: string[] };
}

/** The two files, or null for a platform that is not configured: its path then answers 404. */
export interface AppAssociations {
  apple: AppleAppSiteAssociation | null;
  android: AssetLinkStatement[] | null;
}

export const APP_ASSOCIATIONS = Symbol('APP_ASSOCIATIONS');

/** Built once at boot from the validated configuration. */
export function appAssociationsOf(
  config: Pick<GatewayConfig, 'MOBILE_APPLE_APP_IDS' | 'MOBILE_ANDROID_PACKAGE' | 'MOBILE_ANDROID_CERT_SHA256'>,
): AppAssociations {
  const { MOBILE_APPLE_APP_IDS: appleApps, MOBILE_ANDROID_PACKAGE: androidPackage, MOBILE_ANDROID_CERT_SHA256: fingerprints } = config;
  return {
    apple: appleApps.length > 0 ? { webcredentials: { apps: appleApps } } : null,
    android: androidPackage
      ? [
          {
            relation: ['delegate_permission/common.get_login_creds', 'delegate_permission/common.handle_all_urls'],
            target: { namespace: 'android_app', package_name: androidPackage, sha256_cert_fingerprints: fingerprints },
          },
        ]
      : null,
  };
}
