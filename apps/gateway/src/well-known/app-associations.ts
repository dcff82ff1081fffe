import { GatewayConfig } from '../config';
import { AppleAppSiteAssociation, AssetLinkStatement } from './well-known.contract';

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
