import { CompanyView, tagOfHostName as tagOf } from '@app/contracts';
import { FastifyRequest } from 'fastify';
import { AuthenticatedSession, SessionRecord } from './session';

/** The host a web session is issued on and bound to: the name the portal hook resolved, without the port. */
export const hostTagOf = (request: FastifyRequest): string => tagOf(request.hostname);

/** Per company view, which the portal resolver keeps while the company is unchanged: a list or sign-out hashes its names once. */
const companyTags = new WeakMap<CompanyView, ReadonlySet<string>>();

/** The tags of every host name the company answers on: they are all the firm's, which serves them. */
function hostTagsOf(company: CompanyView): ReadonlySet<string> {
  let tags = companyTags.get(company);
  if (!tags) companyTags.set(company, (tags = new Set(company.hosts.map(tagOf))));
  return tags;
}

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
  return record.hostTag === hostTagOf(request) && ofThisCompany(record, request);
}

function ofThisCompany(record: SessionRecord, request: FastifyRequest): boolean {
  const host = request.portal;
  return host?.kind !== 'company' || record.companyId === null || record.companyId === host.company.id;
}

/**
 * Which of the user's web sessions a request may end, half-way sign-ins
 * included. On a company's host, those of that company's host names (each of
 * them, so that an intruder signed in on the firm's second name is not out of
 * her sight): the firm serves them and may read their answers, and its host
 * must not end her sessions at her other firms. On the easy access host and
 * in the app, all of them.
 */
export function endableHere(record: SessionRecord, request: FastifyRequest): boolean {
  if (record.kind !== 'web') return false;
  const host = request.portal;
  if (host?.kind !== 'company') return true;
  // Also of this company: a name the operator moved from another firm must not list that firm's sessions made there.
  return record.hostTag !== null && hostTagsOf(host.company).has(record.hostTag) && ofThisCompany(record, request);
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
