import { hash } from 'node:crypto';

/**
 * A host name as the gateway binds a web session, a trusted browser and a
 * known browser to it: 48 bits of SHA-256, so that a session stays under its
 * size budget whatever the length of the name. The trailing dot of a fully
 * qualified name (`cabinet.example.`) names the same host.
 * 48 bits can be searched (2^48 hashes: hours on a graphics card) for a name
 * of one's own with another host's tag; tenancy refuses to register such a
 * name (CreateCompany), so that no two hosts, the easy access host included,
 * ever share one.
 */
export function tagOfHostName(hostname: string): string {
  return hash('sha256', hostname.toLowerCase().replace(/\.$/, ''), 'base64url').slice(0, 8);
}
