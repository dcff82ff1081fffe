import { databaseEnv, loadConfig, logEnv, mailEnv, metricsEnv, natsEnv, tracingEnv } from '@app/common';
import { z } from 'zod';

export const tenancyConfigSchema = z.object({
  ...natsEnv.shape,
  ...databaseEnv.shape,
  ...mailEnv.shape,
  ...logEnv.shape,
  ...metricsEnv.shape,
  ...tracingEnv.shape,
  npm_package_version: z.string().default('dev'),
});

export type TenancyConfig = z.output<typeof tenancyConfigSchema>;
export const TENANCY_CONFIG = Symbol('TENANCY_CONFIG');

export function readTenancyConfig(): TenancyConfig {
  return loadConfig(tenancyConfigSchema, process.env);
}
