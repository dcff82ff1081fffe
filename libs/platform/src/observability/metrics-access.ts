import { createHash, timingSafeEqual } from 'node:crypto';

/** `not_served` when no token is configured, `refused` for anything but `Bearer <token>`. */
export type MetricsAccess = 'allowed' | 'refused' | 'not_served';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Metrics tell who signs in, how often it fails and what each process holds:
 * they answer Prometheus's bearer token only. Digests are compared, so that
 * the comparison takes the same time whatever the length or prefix sent.
 */
export function metricsAccessOf(authorization: string | undefined, token: string | undefined): MetricsAccess {
  if (token === undefined) return 'not_served';
  const sent = authorization?.startsWith('Bearer ') ? authorization.slice('Bearer '.length) : undefined;
  return sent !== undefined && timingSafeEqual(digest(sent), digest(token)) ? 'allowed' : 'refused';
}
