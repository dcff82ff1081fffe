import { booleanFlag, Hostname, loadConfig, logEnv, natsEnv, positiveInt, redisEnv } from '@app/common';
import { z } from 'zod';

export const gatewayConfigSchema = z.object({
  ...natsEnv.shape,
  ...redisEnv.shape,
  ...logEnv.shape,
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  EASY_ACCESS_HOST: Hostname,
  OPERATOR_TOKEN: z.string().min(16, 'must be at least 16 characters'),
  COOKIE_SECURE: booleanFlag(true),
  TRUST_PROXY: booleanFlag(false),
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
});

export type GatewayConfig = z.output<typeof gatewayConfigSchema>;
export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');

export function readGatewayConfig(): GatewayConfig {
  return loadConfig(gatewayConfigSchema, process.env);
}
