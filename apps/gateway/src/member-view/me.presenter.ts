import { CompanyView } from '@app/contracts';
import { FastifyRequest } from 'fastify';
import { portalOf } from '../portal/portal-url';
import { SessionRecord } from '../session/session';
import { Me } from './me';
import { nameInPortal, PortalView } from './portal-view';

/** Composes `Me` from the session (active account, banner) and the cached portal view. */
export function presentMe(record: SessionRecord, context: PortalView, request: FastifyRequest): Me {
  const { user, companies, member } = context;
  const accounts = member.accounts;
  const account = accounts.find((candidate) => candidate.id === record.accountId) ?? accounts[0] ?? null;
  return {
    user: { id: user.id, email: user.email, name: nameInPortal(context), totpEnabled: user.totpEnabled, google: user.google },
    role: member.role,
    portal: portalOf(member.company, request),
    portals: portalsSeenAt(request, companies).map((company) => portalOf(company, request)),
    account,
    accounts,
    banner: account && accounts.length > 1 ? { account, dismissed: record.bannerDismissed } : null,
    idleMinutes: record.kind === 'web' ? Math.round(record.idleMs / 60_000) : null,
  };
}

/**
 * On a company's host, that company alone: the firm answers for its host (its
 * domain, its DNS), so what the host receives must not name the client's other
 * firms. The easy access host, where the client chooses, and the app list them all.
 */
export function portalsSeenAt(request: FastifyRequest, companies: readonly CompanyView[]): readonly CompanyView[] {
  const host = request.portal;
  return host?.kind === 'company' ? companies.filter((company) => company.id === host.company.id) : companies;
}
