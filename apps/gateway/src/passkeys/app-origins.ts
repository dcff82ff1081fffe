import { portalOrigin } from '@app/platform';
import { GatewayConfig } from '../config';

/**
 * Android's origin for an app's WebAuthn ceremony: the SHA-256 of its signing
 * certificate (the configured fingerprint's bytes), base64url without padding.
 */
export const apkKeyHashOrigin = (fingerprint: string): string =>
  `android:apk-key-hash:${Buffer.from(fingerprint.replace(/:/g, ''), 'hex').toString('base64url')}`;

/**
 * Where the app's passkey ceremonies may come from. iOS writes the web origin
 * of the easy access host (the associated domain) into clientDataJSON, as a
 * browser would; Android writes its apk-key-hash origin, and only an app
 * signed with a configured certificate can produce one, so each is as safe as
 * the web origin for the passkeys of the easy access host.
 */
export function appOrigins(config: Pick<GatewayConfig, 'EASY_ACCESS_HOST' | 'PORTAL_ORIGIN_TEMPLATE' | 'MOBILE_ANDROID_CERT_SHA256'>): string[] {
  const web = portalOrigin(config.PORTAL_ORIGIN_TEMPLATE, config.EASY_ACCESS_HOST);
  return [web, ...config.MOBILE_ANDROID_CERT_SHA256.map(apkKeyHashOrigin)];
}
