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

export const tenancyConfigSchema = z.object({
  ...natsEnv.shape,
  ...databaseEnv.shape,
  ...mailEnv.shape,
  ...logEnv.shape,
  ...metricsEnv.shape,
  ...tracingEnv.shape,
  // Links in invitation and help-request mails: never the request's Host.
  PORTAL_ORIGIN_TEMPLATE: portalLinksEnv.shape.PORTAL_ORIGIN_TEMPLATE,
  npm_package_version: z.string().default('dev'),
});

export type TenancyConfig = z.output<typeof tenancyConfigSchema>;
export const TENANCY_CONFIG = Symbol('TENANCY_CONFIG');

export function readTenancyConfig(): TenancyConfig {
  return loadConfig(tenancyConfigSchema, process.env);
}
