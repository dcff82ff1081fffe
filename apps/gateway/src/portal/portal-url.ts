import { CompanyView } from '@app/contracts';
import { FastifyRequest } from 'fastify';
import { Portal } from './host-portal';

/** A DNS name or an IP address, then an optional port: nothing else may reach a link or a lookup. */
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*\.?|\[[0-9a-f:.]+\])(?::(\d{1,5}))?$/i;

export function isWellFormedHost(host: string): boolean {
  const match = HOST.exec(host);
  return match !== null && host.length <= 260 && (match[1] === undefined || Number(match[1]) <= 65535);
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
