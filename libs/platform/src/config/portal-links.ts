import { z } from 'zod';

/**
 * Where the links in mails point. Never the request's Host: a firm controls
 * its own portal's DNS, and a link built from a Host it sent would hand it
 * another firm's client's token. `{host}` is replaced by the portal's host
 * (a company's primary host, or the easy access host).
 */
export const portalLinksEnv = z.object({
  PORTAL_ORIGIN_TEMPLATE: z
    .preprocess(
      (value) => (value === '' ? undefined : value),
      z
        .string()
        .refine((value) => value.includes('{host}'), 'must contain {host}')
        .refine((value) => isOrigin(value.replace('{host}', 'portal.example')), 'must be an http(s) origin such as https://{host}')
        .optional(),
    )
    .default('https://{host}'),
  EASY_ACCESS_HOST: z.string().min(1),
});

export type PortalLinksConfig = z.output<typeof portalLinksEnv>;

/** The origin of the portal on `host`, e.g. `https://dupont.example.com`. */
export function portalOrigin(template: string, host: string): string {
  return template.replace('{host}', host);
}

function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
  } catch {
    return false;
  }
}
