import { loadConfig } from '@app/platform';
import { createHash } from 'node:crypto';
import { gatewayConfigSchema } from '../config';
import { appOrigins } from '../passkeys/app-origins';
import { appAssociationsOf } from './app-associations';

const base = { EASY_ACCESS_HOST: 'access.example.com', OPERATOR_TOKEN: 'operator-token-of-20-chars' };
const configOf = (env: Record<string, string>) => loadConfig(gatewayConfigSchema, { ...base, ...env });
/** A signing certificate's SHA-256, as keytool prints it: upper-case hex pairs joined by colons. */
const certificateDigest = createHash('sha256').update('the DER bytes of a signing certificate').digest();
const fingerprint = certificateDigest.toString('hex').toUpperCase().match(/../g)!.join(':');

describe(appAssociationsOf.name, () => {
  test('nothing is served while the app is not configured', () => {
    expect(appAssociationsOf(configOf({}))).toEqual({ apple: null, android: null });
    expect(appAssociationsOf(configOf({ MOBILE_APPLE_APP_IDS: '', MOBILE_ANDROID_PACKAGE: '', MOBILE_ANDROID_CERT_SHA256: '' }))).toEqual({ apple: null, android: null });
  });

  test('the Apple app ids and the Android package with its fingerprints, upper-cased as Digital Asset Links compares them', () => {
    const sut = appAssociationsOf(
      configOf({
        MOBILE_APPLE_APP_IDS: 'ABCDE12345.com.example.portal, FGHIJ67890.com.example.portal-beta',
        MOBILE_ANDROID_PACKAGE: 'com.example.portal',
        MOBILE_ANDROID_CERT_SHA256: fingerprint.toLowerCase(),
      }),
    );

    expect(sut.apple).toEqual({ webcredentials: { apps: ['ABCDE12345.com.example.portal', 'FGHIJ67890.com.example.portal-beta'] } });
    expect(sut.android).toEqual([
      {
        relation: ['delegate_permission/common.get_login_creds', 'delegate_permission/common.handle_all_urls'],
        target: { namespace: 'android_app', package_name: 'com.example.portal', sha256_cert_fingerprints: [fingerprint] },
      },
    ]);
  });

  test('malformed values are refused at boot, each named', () => {
    expect(() => configOf({ MOBILE_APPLE_APP_IDS: 'com.example.portal', MOBILE_ANDROID_PACKAGE: 'portal', MOBILE_ANDROID_CERT_SHA256: 'AB:CD' })).toThrow(
      /MOBILE_APPLE_APP_IDS.*TEAMID\.bundle\.id[\s\S]*MOBILE_ANDROID_PACKAGE[\s\S]*MOBILE_ANDROID_CERT_SHA256/,
    );
  });

  test('the Android package and its fingerprints go together', () => {
    expect(() => configOf({ MOBILE_ANDROID_PACKAGE: 'com.example.portal' })).toThrow(/MOBILE_ANDROID_CERT_SHA256: is required when MOBILE_ANDROID_PACKAGE is set/);
    expect(() => configOf({ MOBILE_ANDROID_CERT_SHA256: fingerprint })).toThrow(/MOBILE_ANDROID_PACKAGE: is required when MOBILE_ANDROID_CERT_SHA256 is set/);
  });
});

describe(appOrigins.name, () => {
  test('the easy access host\'s web origin (iOS), and the apk-key-hash origin Android writes for an app signed with each certificate', () => {
    const config = configOf({ MOBILE_ANDROID_PACKAGE: 'com.example.portal', MOBILE_ANDROID_CERT_SHA256: fingerprint });

    expect(appOrigins(config)).toEqual(['https://access.example.com', `android:apk-key-hash:${certificateDigest.toString('base64url')}`]);
  });
});
