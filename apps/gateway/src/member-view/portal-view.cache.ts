import { IdentityPatterns, MfaPatterns, TenancyPatterns } from '@app/contracts';
import { REDIS, RedisClient, RpcClient, runScript } from '@app/platform';
import { Inject, Injectable } from '@nestjs/common';
import { FILL_VIEW, INVALIDATE_VIEW } from '../session/redis-scripts';
import { RedisKeys } from '../session/redis-keys';
import { CachedView, cachedViewOf, storedViewOf, ViewUser } from '../session/user-record';
import { PortalView } from './portal-view';

/** A safety net only: services announce changes, and the cache is dropped at once. */
const VIEW_TTL_MS = 600_000;

/**
 * The user's view (identity's user, tenancy's companies and memberships)
 * cached in Redis per user, so that an authenticated request costs one Redis
 * read and no NATS round trip. Events from the services drop it (see ViewInvalidationHandler).
 */
@Injectable()
export class PortalViewCache {
  constructor(
    private readonly rpc: RpcClient,
    @Inject(REDIS) private readonly redis: RedisClient,
  ) {}

  /** @throws DomainError not_found when the user is no longer a member of the company. */
  async resolve(userId: string, companyId: string, cached: CachedView): Promise<PortalView> {
    // The hot path of every portal page: everything cached, nothing to ask.
    const context = cachedPortalView(cached, companyId);
    if (context) return context;
    const known = memberOf(cached, companyId);
    const [user, companies, member] = await Promise.all([
      cached.user ?? this.fetchUser(userId),
      cached.companies ?? this.rpc.request(TenancyPatterns.listCompaniesOfUser, { userId }),
      known ?? this.rpc.request(TenancyPatterns.getMember, { userId, companyId }),
    ]);
    const fetched = { user, companies, member };
    await this.remember(userId, cached, fetched);
    return fetched;
  }

  /** The companies of the user, for a session that has not chosen one yet. */
  async companiesOf(userId: string, cached: CachedView): Promise<PortalView['companies']> {
    if (cached.companies) return cached.companies;
    const companies = await this.rpc.request(TenancyPatterns.listCompaniesOfUser, { userId });
    await this.fill(userId, { ...cached, companies });
    return companies;
  }

  /** What is cached now; read before asking the services, so that `remember` can tell whether a change came in meanwhile. */
  async read(userId: string): Promise<CachedView> {
    return cachedViewOf((await this.redis.get(RedisKeys.userRecord(userId))) ?? '', Date.now(), userId);
  }

  /** Caches a view fetched from the services, unless it was invalidated since `cached` was read. */
  remember(userId: string, cached: CachedView, { user, companies, member }: PortalView): Promise<void> {
    const members = { ...cached.members, [member.company.id]: { role: member.role, name: member.name, accounts: member.accounts } };
    return this.fill(userId, { generation: cached.generation, user, companies, members });
  }

  async invalidate(userId: string): Promise<void> {
    const now = Date.now();
    await runScript(this.redis, INVALIDATE_VIEW, { keys: { record: RedisKeys.userRecord(userId) }, args: { now, keptUntil: now + VIEW_TTL_MS } });
  }

  private async fetchUser(userId: string): Promise<ViewUser> {
    const [user, factor] = await Promise.all([
      this.rpc.request(IdentityPatterns.getUser, { userId }),
      this.rpc.request(MfaPatterns.factorStatus, { userId }),
    ]);
    return { id: user.id, email: user.email, name: user.name, google: user.google, totpEnabled: factor.enabled };
  }

  /** Written unless the view was invalidated since `view.generation` was read. */
  private async fill(userId: string, view: CachedView): Promise<void> {
    const now = Date.now();
    await runScript(this.redis, FILL_VIEW, {
      keys: { record: RedisKeys.userRecord(userId) },
      args: { now, generation: view.generation, validUntil: now + VIEW_TTL_MS, view: storedViewOf(view) },
    });
  }
}

/** A cached membership, with its company from the cached companies; undefined unless both are there. */
/**
 * The whole context of the user in a company, when the cached view holds all
 * of it: announcements drop the view at every change of its parts, so it is
 * as current as what each portal page already trusts. A sign-in decides on it
 * too, so a company setting that decides entry (`requireTotp`, fixed when the
 * company is made) must be announced to its members' views if it ever changes.
 */
export function cachedPortalView(cached: CachedView, companyId: string): PortalView | null {
  const member = memberOf(cached, companyId);
  return cached.user && cached.companies && member ? { user: cached.user, companies: cached.companies, member } : null;
}

function memberOf(cached: CachedView, companyId: string): PortalView['member'] | undefined {
  const member = cached.members[companyId];
  const company = cached.companies?.find((candidate) => candidate.id === companyId);
  return member && company ? { ...member, company } : undefined;
}
