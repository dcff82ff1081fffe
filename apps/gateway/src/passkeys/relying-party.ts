import { DomainError, ErrorCode } from '@app/contracts';
import { portalOrigin } from '@app/platform';
import { FastifyRequest } from 'fastify';
import { GatewayConfig } from '../config';
import { appOrigins } from './app-origins';

/** Who a passkey is made for and checked against: one portal host. */
export interface RelyingParty {
  /** The WebAuthn RP ID: the portal's host name, without port. */
  id: string;
  /**
   * The only origins a ceremony on this host may come from, from
   * configuration: the host's web origin, and on the easy access host the
   * mobile app's too (its passkeys are the web's).
   */
  origins: string[];
  /** Shown by the authenticator beside the account. */
  name: string;
}

export type RelyingPartyConfig = Pick<GatewayConfig, 'EASY_ACCESS_HOST' | 'PORTAL_ORIGIN_TEMPLATE' | 'MOBILE_ANDROID_CERT_SHA256'>;

/**
 * The host comes from the request only once the portal hook resolved it to a
 * configured host (a company's, or the easy access host); an unknown Host was
 * refused before. The origins are built from PORTAL_ORIGIN_TEMPLATE, never
 * from the request, as mail links are.
 */
export function relyingPartyOf(request: FastifyRequest, config: RelyingPartyConfig): RelyingParty {
  if (!request.portal) throw new DomainError(ErrorCode.UnknownPortal, 'No client portal answers at this address.');
  const id = request.hostname.toLowerCase().replace(/\.$/, '');
  const name = request.portal.kind === 'company' ? request.portal.company.name : 'Client portal';
  return relyingPartyFor(id, config, name);
}

export function relyingPartyFor(host: string, config: RelyingPartyConfig, name = 'Client portal'): RelyingParty {
  const origins = host === config.EASY_ACCESS_HOST ? appOrigins(config) : [portalOrigin(config.PORTAL_ORIGIN_TEMPLATE, host)];
  return { id: host, origins, name };
}
