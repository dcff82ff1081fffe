import { Hostname } from '@app/contracts';
import {
  booleanFlag,
  checkRedisMode,
  loadConfig,
  logEnv,
  metricsEnv,
  natsEnv,
  portalLinksEnv,
  positiveInt,
  redisEnv,
  tracingEnv,
} from '@app/platform';
import { z } from 'zod';
import { trustProxyEnv } from './http/trusted-proxies';

/** An empty variable counts as unset, as compose files pass them. */
const optional = <S extends z.ZodType>(schema: S) => z.preprocess((value) => (value === '' ? undefined : value), schema.optional());
const httpUrl = z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' });
/** In milliseconds: the floor catches a value meant as seconds, the ceiling a browser left on a blank page. */
const timeoutMs = z.coerce.number().int().min(100, 'must be at least 100 (milliseconds)').max(60_000, 'must be at most 60000 (milliseconds)');

/** Google sign-in is off while GOOGLE_CLIENT_ID is unset. The URLs default to Google's own; tests point them elsewhere. */
const googleEnv = z.object({
  GOOGLE_CLIENT_ID: optional(z.string()),
  GOOGLE_CLIENT_SECRET: optional(z.string()),
  GOOGLE_AUTHORIZATION_URL: optional(httpUrl).default('https://accounts.google.com/o/oauth2/v2/auth'),
  GOOGLE_TOKEN_URL: optional(httpUrl).default('https://oauth2.googleapis.com/token'),
  GOOGLE_USERINFO_URL: optional(httpUrl).default('https://openidconnect.googleapis.com/v1/userinfo'),
  GOOGLE_ISSUER: optional(z.string()).default('https://accounts.google.com'),
  GOOGLE_JWKS_URL: optional(httpUrl).default('https://www.googleapis.com/oauth2/v3/certs'),
  /** How long Google's callback waits for the token and userinfo endpoints before it sends the browser home with google_failed. */
  GOOGLE_TIMEOUT_MS: optional(timeoutMs).default(10_000),
  /** The one redirect URI registered with Google, on the easy access host. */
  GOOGLE_CALLBACK_URL: optional(httpUrl),
  /** Audiences accepted in mobile ID tokens, besides GOOGLE_CLIENT_ID. */
  GOOGLE_MOBILE_CLIENT_IDS: optional(z.string())
    .default('')
    .transform((list) => list.split(',').map((id) => id.trim()).filter((id) => id.length > 0)),
});

/** A comma-separated list; empty or unset is none. */
const listOf = <S extends z.ZodType<string, string>>(item: S) =>
  optional(z.string())
    .default('')
    .transform((list) => list.split(',').map((entry) => entry.trim()).filter((entry) => entry.length > 0))
    .pipe(z.array(item));

/**
 * The mobile app's identity, for the associated-domain files on the easy
 * access host: iOS and Android let the app use the host's passkeys only when
 * the host names the app. Each platform is off while its variables are unset.
 */
const mobileAppEnv = z.object({
  /** Apple app ids: the Team ID, a dot, the bundle id (`ABCDE12345.com.example.portal`). */
  MOBILE_APPLE_APP_IDS: listOf(z.string().regex(/^[A-Z0-9]{10}\.[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*$/, 'must be TEAMID.bundle.id, comma-separated')),
  MOBILE_ANDROID_PACKAGE: optional(z.string().regex(/^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)+$/, 'must be an Android package name')),
  /** SHA-256 fingerprints of the app's signing certificates, as keytool and the Play console show them (`14:6D:…`). */
  MOBILE_ANDROID_CERT_SHA256: listOf(
    z.string().regex(/^[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){31}$/, 'must be SHA-256 fingerprints, 32 hex bytes separated by colons, comma-separated')
      .transform((fingerprint) => fingerprint.toUpperCase()),
  ),
});

export const gatewayConfigSchema = z.object({
  ...natsEnv.shape,
  ...redisEnv.shape,
  ...logEnv.shape,
  ...tracingEnv.shape,
  ...googleEnv.shape,
  ...mobileAppEnv.shape,
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  EASY_ACCESS_HOST: Hostname,
  /** The origin a passkey ceremony on a host must come from, as the services build mail links. */
  PORTAL_ORIGIN_TEMPLATE: portalLinksEnv.shape.PORTAL_ORIGIN_TEMPLATE,
  OPERATOR_TOKEN: z.string().min(16, 'must be at least 16 characters'),
  /** The gateway serves /metrics on its own port: METRICS_PORT is the services'. */
  METRICS_TOKEN: metricsEnv.shape.METRICS_TOKEN,
  COOKIE_SECURE: booleanFlag(true),
  TRUST_PROXY: trustProxyEnv,
  SESSION_IDLE_MINUTES: positiveInt(30),
  SESSION_ABSOLUTE_HOURS: positiveInt(12),
  /** A sign-in left half-way (portal choice, code) expires after this. */
  SIGN_IN_MINUTES: positiveInt(10),
  /** Password attempts from one address, per minute: each costs a hash. */
  LOGIN_ATTEMPTS_PER_IP_PER_MINUTE: positiveInt(30),
  /** Failed password attempts on one email, per 15 minutes. */
  LOGIN_FAILURES_PER_EMAIL: positiveInt(10),
  HOST_CACHE_SECONDS: positiveInt(30),
  MAX_BODY_BYTES: positiveInt(16 * 1024),
  /** A request not received whole in this time (its body sent a byte at a time, or without end) is answered 408 and its connection closed. */
  REQUEST_TIMEOUT_SECONDS: positiveInt(60),
}).superRefine(requireGoogleSettings, {
  // Checked even when other keys are bad, so that one boot lists every problem; skipped when a Google key is bad itself.
  when: (payload) => !payload.issues.some((issue) => String(issue.path?.[0]).startsWith('GOOGLE_')),
}).superRefine(requireAndroidPair, {
  when: (payload) => !payload.issues.some((issue) => String(issue.path?.[0]).startsWith('MOBILE_')),
}).superRefine(checkRedisMode);

export type GatewayConfig = z.output<typeof gatewayConfigSchema>;
export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');

export function readGatewayConfig(): GatewayConfig {
  return loadConfig(gatewayConfigSchema, process.env);
}

function requireGoogleSettings(config: z.output<typeof googleEnv> & { EASY_ACCESS_HOST?: string }, context: z.RefinementCtx): void {
  if (!config.GOOGLE_CLIENT_ID) return;
  const missing = (key: string) => context.addIssue({ code: 'custom', path: [key], message: 'is required when GOOGLE_CLIENT_ID is set' });
  if (!config.GOOGLE_CLIENT_SECRET) missing('GOOGLE_CLIENT_SECRET');
  if (!config.GOOGLE_CALLBACK_URL) missing('GOOGLE_CALLBACK_URL');
  else if (config.EASY_ACCESS_HOST && new URL(config.GOOGLE_CALLBACK_URL).hostname !== config.EASY_ACCESS_HOST) {
    // The state cookie is set on the easy access host: a callback elsewhere would never see it.
    context.addIssue({ code: 'custom', path: ['GOOGLE_CALLBACK_URL'], message: 'must be on EASY_ACCESS_HOST' });
  }
}

/** The Android app is named by its package and its certificates together: assetlinks.json needs both. */
function requireAndroidPair(config: Partial<z.output<typeof mobileAppEnv>>, context: z.RefinementCtx): void {
  const hasPackage = config.MOBILE_ANDROID_PACKAGE !== undefined;
  const hasCertificates = (config.MOBILE_ANDROID_CERT_SHA256?.length ?? 0) > 0;
  if (hasPackage && !hasCertificates) {
    context.addIssue({ code: 'custom', path: ['MOBILE_ANDROID_CERT_SHA256'], message: 'is required when MOBILE_ANDROID_PACKAGE is set' });
  }
  if (hasCertificates && !hasPackage) {
    context.addIssue({ code: 'custom', path: ['MOBILE_ANDROID_PACKAGE'], message: 'is required when MOBILE_ANDROID_CERT_SHA256 is set' });
  }
}
