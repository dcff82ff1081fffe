import { loadConfig } from '@app/platform';
import { gatewayConfigSchema } from '../../config';
import { googleSettingsOf } from './google-settings';

const base = { EASY_ACCESS_HOST: 'access.example.com', OPERATOR_TOKEN: 'operator-token-of-20-chars' };
const google = {
  GOOGLE_CLIENT_ID: 'portal-web.apps.googleusercontent.com',
  GOOGLE_CLIENT_SECRET: 'secret',
  GOOGLE_CALLBACK_URL: 'https://access.example.com/api/auth/google/callback',
};
const configOf = (env: Record<string, string>) => loadConfig(gatewayConfigSchema, { ...base, ...env });

describe('googleSettingsOf', () => {
  test('Google sign-in is off without a client id, and an empty one counts as none', () => {
    expect(googleSettingsOf(configOf({}))).toBeNull();
    expect(googleSettingsOf(configOf({ GOOGLE_CLIENT_ID: '', GOOGLE_CALLBACK_URL: '' }))).toBeNull();
  });

  test('defaults to Google’s own endpoints and derives the easy access origin from the callback', () => {
    const sut = googleSettingsOf(configOf(google));

    expect(sut).toEqual({
      clientId: google.GOOGLE_CLIENT_ID,
      clientSecret: 'secret',
      authorizationUrl: 'https://accounts.google.com/o/oauth2/v2/auth',
      tokenUrl: 'https://oauth2.googleapis.com/token',
      userInfoUrl: 'https://openidconnect.googleapis.com/v1/userinfo',
      callbackUrl: google.GOOGLE_CALLBACK_URL,
      timeoutMs: 10_000,
      easyAccessOrigin: 'https://access.example.com',
      cookieSecure: true,
    });
  });

  test('a client id without its secret and callback is refused at boot, naming both', () => {
    expect(() => configOf({ GOOGLE_CLIENT_ID: google.GOOGLE_CLIENT_ID })).toThrow(
      /GOOGLE_CLIENT_SECRET: is required when GOOGLE_CLIENT_ID is set\n.*GOOGLE_CALLBACK_URL: is required/,
    );
  });

  test('missing Google keys are listed along with every other bad key, in one boot', () => {
    const env = { EASY_ACCESS_HOST: base.EASY_ACCESS_HOST, GOOGLE_CLIENT_ID: google.GOOGLE_CLIENT_ID };

    expect(() => loadConfig(gatewayConfigSchema, env)).toThrow(/OPERATOR_TOKEN[^]*GOOGLE_CLIENT_SECRET[^]*GOOGLE_CALLBACK_URL/);
  });

  test('the callback must be on the easy access host, where the state cookie lives', () => {
    expect(() => configOf({ ...google, GOOGLE_CALLBACK_URL: 'https://acme.example.com/api/auth/google/callback' })).toThrow(
      /GOOGLE_CALLBACK_URL: must be on EASY_ACCESS_HOST/,
    );
  });

  test('endpoints must be http(s) URLs', () => {
    expect(() => configOf({ ...google, GOOGLE_TOKEN_URL: 'ftp://tokens.example.com' })).toThrow(/GOOGLE_TOKEN_URL: must be an http\(s\) URL/);
  });

  test('the wait for Google is in milliseconds, from 100 to 60000', () => {
    expect(googleSettingsOf(configOf({ ...google, GOOGLE_TIMEOUT_MS: '2500' }))?.timeoutMs).toBe(2500);
    expect(() => configOf({ ...google, GOOGLE_TIMEOUT_MS: '10' })).toThrow(/GOOGLE_TIMEOUT_MS: must be at least 100 \(milliseconds\)/);
    expect(() => configOf({ ...google, GOOGLE_TIMEOUT_MS: '120000' })).toThrow(/GOOGLE_TIMEOUT_MS: must be at most 60000/);
    expect(() => configOf({ ...google, GOOGLE_TIMEOUT_MS: 'soon' })).toThrow(/GOOGLE_TIMEOUT_MS/);
  });

  test('mobile client ids are a comma-separated list', () => {
    expect(configOf({ GOOGLE_MOBILE_CLIENT_IDS: 'ios.apps, android.apps,' }).GOOGLE_MOBILE_CLIENT_IDS).toEqual(['ios.apps', 'android.apps']);
  });
});
