import { DomainError, ErrorCode } from '@app/contracts';
import { GatewayConfig } from '../../config';

/** Google sign-in on the web, as configured; null when GOOGLE_CLIENT_ID is unset. */
export interface GoogleSettings {
  clientId: string;
  clientSecret: string;
  authorizationUrl: string;
  tokenUrl: string;
  userInfoUrl: string;
  callbackUrl: string;
  /** How long the callback waits for Google's token and userinfo endpoints. */
  timeoutMs: number;
  /** Where sign-ins that began on the easy access host end: the callback's own origin. */
  easyAccessOrigin: string;
  cookieSecure: boolean;
}

export const GOOGLE_SETTINGS = Symbol('GOOGLE_SETTINGS');

export function googleSettingsOf(config: GatewayConfig): GoogleSettings | null {
  const { GOOGLE_CLIENT_ID, GOOGLE_CLIENT_SECRET, GOOGLE_CALLBACK_URL } = config;
  // The config schema requires the secret and the callback whenever the client id is set.
  if (!GOOGLE_CLIENT_ID || !GOOGLE_CLIENT_SECRET || !GOOGLE_CALLBACK_URL) return null;
  return {
    clientId: GOOGLE_CLIENT_ID,
    clientSecret: GOOGLE_CLIENT_SECRET,
    authorizationUrl: config.GOOGLE_AUTHORIZATION_URL,
    tokenUrl: config.GOOGLE_TOKEN_URL,
    userInfoUrl: config.GOOGLE_USERINFO_URL,
    callbackUrl: GOOGLE_CALLBACK_URL,
    timeoutMs: config.GOOGLE_TIMEOUT_MS,
    easyAccessOrigin: new URL(GOOGLE_CALLBACK_URL).origin,
    cookieSecure: config.COOKIE_SECURE,
  };
}

/** @throws DomainError not_found when Google sign-in is not configured. */
export function enabledGoogle(settings: GoogleSettings | null): GoogleSettings {
  if (!settings) throw new DomainError(ErrorCode.NotFound, 'Google sign-in is not set up on this server.');
  return settings;
}
