import { CompanyView } from '@app/contracts';
import { FastifyRequest } from 'fastify';
import { Portal } from './host-portal';

/** A DNS name or an IP address, then an optional port: nothing else may reach a link or a lookup. */
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.?|\[[0-9a-f:.]+\])(?::(\d{1,5}))?$/i;

/** The longest DNS name (RFC 1035), without its trailing dot: tenancy's contract refuses longer ones. */
const NAME_AT_MOST = 253;

export function isWellFormedHost(host: string): boolean {
  const match = HOST.exec(host);
  if (match === null) return false;
  const port = match[1];
  const name = (port === undefined ? host : host.slice(0, -(port.length + 1))).replace(/\.$/, '');
  return name.length <= NAME_AT_MOST && (port === undefined || Number(port) <= 65535);
}

/**
 * The origin the client used, e.g. `https://acme.example.com:8443`, from a Host
 * the portal hook checked; any scheme but https counts as http.
 */
export function requestOrigin(request: FastifyRequest): string {
  return `${request.protocol === 'https' ? 'https' : 'http'}://${request.host.toLowerCase()}`;
}

/** The company's portal address, on the scheme and port the client used. */
export function portalOf(company: CompanyView, request: FastifyRequest): Portal {
  const url = new URL(requestOrigin(request));
  url.hostname = company.hosts[0];
  return { id: company.id, name: company.name, url: url.origin };
}
