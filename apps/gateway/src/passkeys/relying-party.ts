import { DomainError, ErrorCode } from '@app/contracts';
import { portalOrigin } from '@app/platform';
import { FastifyRequest } from 'fastify';

/** Who a passkey is made for and checked against: one portal host. */
export interface RelyingParty {
  /** The WebAuthn RP ID: the portal's host name, without port. */
  id: string;
  /** The only origin a ceremony on this host may come from, from configuration. */
  origin: string;
  /** Shown by the authenticator beside the account. */
  name: string;
}

/**
 * The host comes from the request only once the portal hook resolved it to a
 * configured host (a company's, or the easy access host); an unknown Host was
 * refused before. The origin is built from PORTAL_ORIGIN_TEMPLATE, never from
 * the request, as mail links are.
 */
export function relyingPartyOf(request: FastifyRequest, originTemplate: string): RelyingParty {
  if (!request.portal) throw new DomainError(ErrorCode.UnknownPortal, 'No client portal answers at this address.');
  const id = request.hostname.toLowerCase().replace(/\.$/, '');
  const name = request.portal.kind === 'company' ? request.portal.company.name : 'Client portal';
  return relyingPartyFor(id, originTemplate, name);
}

export function relyingPartyFor(host: string, originTemplate: string, name = 'Client portal'): RelyingParty {
  return { id: host, origin: portalOrigin(originTemplate, host), name };
}
