import { CompanyView } from '@app/common';
import { FastifyRequest } from 'fastify';
import { Portal } from './host-portal';

/** The origin the client used, e.g. `https://acme.example.com:8443`. */
export function requestOrigin(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

/** The company's portal address, on the scheme and port the client used. */
export function portalOf(company: CompanyView, request: FastifyRequest): Portal {
  const url = new URL(requestOrigin(request));
  url.hostname = company.hosts[0];
  return { id: company.id, name: company.name, url: url.origin };
}
