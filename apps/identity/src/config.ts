import { loadConfig, portalLinksEnv, serviceEnv } from '@app/platform';
import { z } from 'zod';

export const identityConfigSchema = serviceEnv.extend({
  ...portalLinksEnv.shape,
});

export type IdentityConfig = z.output<typeof identityConfigSchema>;
export const IDENTITY_CONFIG = Symbol('IDENTITY_CONFIG');

export function readIdentityConfig(): IdentityConfig {
  return loadConfig(identityConfigSchema, process.env);
}
