import { loadConfig, portalLinksEnv, serviceEnv } from '@app/platform';
import { z } from 'zod';

export const tenancyConfigSchema = serviceEnv.extend({
  // Links in invitation and help-request mails: never the request's Host.
  PORTAL_ORIGIN_TEMPLATE: portalLinksEnv.shape.PORTAL_ORIGIN_TEMPLATE,
  // Where the user confirms a help request: the platform's host, never a firm's (which would receive the link's token).
  EASY_ACCESS_HOST: portalLinksEnv.shape.EASY_ACCESS_HOST,
});

export type TenancyConfig = z.output<typeof tenancyConfigSchema>;
export const TENANCY_CONFIG = Symbol('TENANCY_CONFIG');

export function readTenancyConfig(): TenancyConfig {
  return loadConfig(tenancyConfigSchema, process.env);
}
