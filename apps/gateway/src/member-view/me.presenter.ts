import { FastifyRequest } from 'fastify';
import { portalOf } from '../portal/portal-url';
import { SessionRecord } from '../session/session';
import { Me } from './me';
import { PortalView } from './portal-view';

/** Composes `Me` from the session (active account, banner) and the cached portal view. */
export function presentMe(record: SessionRecord, context: PortalView, request: FastifyRequest): Me {
  const { user, companies, member } = context;
  const accounts = member.accounts;
  const account = accounts.find((candidate) => candidate.id === record.accountId) ?? accounts[0] ?? null;
  return {
    user: { id: user.id, email: user.email, name: user.name, totpEnabled: user.totpEnabled, google: user.google },
    role: member.role,
    portal: portalOf(member.company, request),
    portals: companies.map((company) => portalOf(company, request)),
    account,
    accounts,
    banner: account && accounts.length > 1 ? { account, dismissed: record.bannerDismissed } : null,
    idleMinutes: record.kind === 'web' ? Math.round(record.idleMs / 60_000) : null,
  };
}
