import {
  databaseEnv,
  loadConfig,
  logEnv,
  mailEnv,
  metricsEnv,
  natsEnv,
  portalLinksEnv,
  tracingEnv,
} from '@app/platform';
import { z } from 'zod';

export const identityConfigSchema = z.object({
  ...natsEnv.shape,
  ...databaseEnv.shape,
  ...mailEnv.shape,
  ...portalLinksEnv.shape,
  ...logEnv.shape,
  ...metricsEnv.shape,
  ...tracingEnv.shape,
  npm_package_version: z.string().default('dev'),
});

export type IdentityConfig = z.output<typeof identityConfigSchema>;
export const IDENTITY_CONFIG = Symbol('IDENTITY_CONFIG');

export function readIdentityConfig(): IdentityConfig {
  return loadConfig(identityConfigSchema, process.env);
}
