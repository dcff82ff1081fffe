import { FastifyRequest } from 'fastify';
import { AuthenticatedSession } from './session';

/** The host a web session is issued on and bound to: the name the portal hook resolved, without the port. */
export const hostOf = (request: FastifyRequest): string => request.hostname.toLowerCase();

/**
 * A web session works only on the host where it was issued: a cookie carried
 * (or planted) on another company's host, or on the easy access host, opens
 * nothing there. The Google handoff is the one way across hosts. A mobile
 * access token has no host.
 */
export function worksHere(session: AuthenticatedSession, request: FastifyRequest): boolean {
  return session.record.kind === 'mobile' || session.record.host === hostOf(request);
}
