import { z } from 'zod';
import { metricsEnv, tracingEnv } from '../observability/observability-env';
import { databaseEnv, logEnv, mailEnv, natsEnv } from './env-schemas';

/** What every service reads: NATS, its database, mail, logs, metrics, traces and its version; each adds its own. */
export const serviceEnv = z.object({
  ...natsEnv.shape,
  ...databaseEnv.shape,
  ...mailEnv.shape,
  ...logEnv.shape,
  ...metricsEnv.shape,
  ...tracingEnv.shape,
  npm_package_version: z.string().default('dev'),
});
