import { FastifyRequest } from 'fastify';
import { AuthenticatedSession, SessionRecord } from './session';
import { digestOf } from '../digest';

/**
 * The host a web session is issued on and bound to (the name the portal hook
 * resolved, without the port), as 48 bits of SHA-256: a session stays under
 * its size budget whatever the length of the name, and hosts are registered
 * by the operator, so none can be chosen to collide.
 */
export const hostTagOf = (request: FastifyRequest): string => digestOf(request.hostname.toLowerCase()).slice(0, 8);

/**
 * A web session works only on the host where it was issued: a cookie carried
 * (or planted) on another company's host, or on the easy access host, opens
 * nothing there. The Google handoff is the one way across hosts. On a
 * company's host it is a session of that company only: one switched to
 * another firm there (before such switches were refused) would act in that
 * firm under a host the first firm answers for. A mobile access token works
 * on the easy access host, the app's API host, alone.
 */
export function worksHere(session: AuthenticatedSession, request: FastifyRequest): boolean {
  const { record } = session;
  if (record.kind === 'mobile') return request.portal?.kind === 'easy_access';
  const host = request.portal;
  const ofThisCompany = host?.kind !== 'company' || record.companyId === null || record.companyId === host.company.id;
  return record.hostTag === hostTagOf(request) && ofThisCompany;
}

/**
 * Which of the user's web sessions a request may end, half-way sign-ins
 * included. On a company's host, those of that host alone: the firm serves
 * it and may read its answers, and its host must not end her sessions at her
 * other firms. On the easy access host and in the app, all of them.
 */
export function endableHere(record: SessionRecord, request: FastifyRequest): boolean {
  return record.kind === 'web' && (request.portal?.kind !== 'company' || record.hostTag === hostTagOf(request));
}

/**
 * Which of the user's sessions a request may list and end as web sessions:
 * the endable ones (above) that are signed in, not a sign-in half-way. On a
 * company's host, the client's sessions on other hosts (their times,
 * addresses, factors) would tell the firm of her other firms. Her devices
 * name no firm: they are listed everywhere, apart from this.
 */
export function listedHere(record: SessionRecord, request: FastifyRequest): boolean {
  return endableHere(record, request) && record.stage === 'done';
}
