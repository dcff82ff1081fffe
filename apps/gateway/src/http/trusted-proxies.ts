import { IncomingMessage } from 'node:http';
import proxyAddr from '@fastify/proxy-addr';
import { z } from 'zod';

/** Who may write X-Forwarded-For: nobody, the last `hops` proxies, or the proxies at these addresses or ranges. */
export type TrustedProxies = false | number | string[];

/** An address, a CIDR range, or one of proxy-addr's names (loopback, linklocal, uniquelocal). */
function isAddressOrRange(entry: string): boolean {
  try {
    proxyAddr.compile([entry]);
    return true;
  } catch {
    return false;
  }
}

/**
 * TRUST_PROXY: `false`, a number of proxy hops (`true` is one), or a
 * comma-separated list of proxy addresses or CIDR ranges. The client address
 * is the right-most X-Forwarded-For entry not added by a trusted proxy: the
 * entries left of it are whatever the client wrote, so believing them
 * (Fastify's `trustProxy: true`) would let a client choose its per-address limits.
 */
export const trustProxyEnv = z
  .string()
  .trim()
  .default('false')
  .transform((value, context): TrustedProxies => {
    if (value === '' || value === 'false') return false;
    if (value === 'true') return 1;
    if (/^\d+$/.test(value)) return Number(value) === 0 ? false : Number(value);
    const entries = value.split(',').map((entry) => entry.trim());
    const invalid = entries.filter((entry) => !isAddressOrRange(entry));
    if (invalid.length > 0) {
      context.addIssue({
        code: 'custom',
        message: `must be false, a number of proxy hops, or a comma-separated list of IP addresses or CIDR ranges; not ${invalid.join(', ')}`,
      });
      return z.NEVER;
    }
    return entries;
  });

/**
 * Whether the request comes straight from a trusted proxy, whose own headers
 * (X-Request-Id, a trace context) are then believed.
 */
export function trustsPeerOf(proxies: TrustedProxies): (request: IncomingMessage) => boolean {
  if (proxies === false) return () => false;
  const trusts = typeof proxies === 'number' ? () => true : proxyAddr.compile(proxies);
  return (request) => trusts(request.socket.remoteAddress ?? '', 0);
}
