import { IdentityPatterns, MfaPatterns, REDIS, RpcClient, TenancyPatterns } from '@app/common';
import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { userRecordKey } from '../session/session.store';
import { CachedView, cachedViewOf, storedViewOf, ViewParts, ViewUser } from '../session/user-record';
import { FILL_VIEW_LUA, INVALIDATE_VIEW_LUA } from '../session/user-record.lua';
import { MemberContext } from './me';

type ViewRedis = Redis & {
  fillView(key: string, now: number, generation: number, validUntil: number, view: string): Promise<number>;
  invalidateView(key: string, now: number, keptUntil: number): Promise<number>;
};

/** A safety net only: services announce changes, and the cache is dropped at once. */
const VIEW_TTL_MS = 600_000;

/**
 * The user's view (identity's user, tenancy's companies and memberships)
 * cached in Redis per user, so that an authenticated request costs one Redis
 * read and no NATS round trip. Events from the services drop it (see ViewInvalidationHandler).
 */
@Injectable()
export class MemberContextCache {
  private readonly redis: ViewRedis;

  constructor(
    private readonly rpc: RpcClient,
    @Inject(REDIS) redis: Redis,
  ) {
    redis.defineCommand('fillView', { numberOfKeys: 1, lua: FILL_VIEW_LUA });
    redis.defineCommand('invalidateView', { numberOfKeys: 1, lua: INVALIDATE_VIEW_LUA });
    this.redis = redis as ViewRedis;
  }

  /** @throws DomainError not_found when the user is no longer a member of the company. */
  async resolve(userId: string, companyId: string, cached: CachedView): Promise<MemberContext> {
    const { parts } = cached;
    const known = memberOf(parts, companyId);
    // The hot path of every portal page: everything cached, nothing to ask.
    if (parts.user && parts.companies && known) return { user: parts.user, companies: parts.companies, member: known };
    const [user, companies, member] = await Promise.all([
      parts.user ?? this.fetchUser(userId),
      parts.companies ?? this.rpc.request(TenancyPatterns.listCompaniesOfUser, { userId }),
      known ?? this.rpc.request(TenancyPatterns.getMember, { userId, companyId }),
    ]);
    const context = { user, companies, member };
    await this.remember(userId, cached, context);
    return context;
  }

  /** The companies of the user, for a session that has not chosen one yet. */
  async companiesOf(userId: string, cached: CachedView): Promise<MemberContext['companies']> {
    if (cached.parts.companies) return cached.parts.companies;
    const companies = await this.rpc.request(TenancyPatterns.listCompaniesOfUser, { userId });
    await this.fill(userId, cached.generation, { ...cached.parts, companies });
    return companies;
  }

  /** What is cached now; read before asking the services, so that `remember` can tell whether a change came in meanwhile. */
  async read(userId: string): Promise<CachedView> {
    return cachedViewOf((await this.redis.get(userRecordKey(userId))) ?? '', Date.now(), userId);
  }

  /** Caches a view fetched from the services, unless it was invalidated since `cached` was read. */
  remember(userId: string, cached: CachedView, { user, companies, member }: MemberContext): Promise<void> {
    const members = { ...cached.parts.members, [member.company.id]: { role: member.role, accounts: member.accounts } };
    return this.fill(userId, cached.generation, { user, companies, members });
  }

  async invalidate(userId: string): Promise<void> {
    const now = Date.now();
    await this.redis.invalidateView(userRecordKey(userId), now, now + VIEW_TTL_MS);
  }

  private async fetchUser(userId: string): Promise<ViewUser> {
    const [user, factor] = await Promise.all([
      this.rpc.request(IdentityPatterns.getUser, { userId }),
      this.rpc.request(MfaPatterns.factorStatus, { userId }),
    ]);
    return { id: user.id, email: user.email, name: user.name, google: user.google, totpEnabled: factor.enabled };
  }

  private async fill(userId: string, generation: number, parts: ViewParts): Promise<void> {
    const now = Date.now();
    await this.redis.fillView(userRecordKey(userId), now, generation, now + VIEW_TTL_MS, storedViewOf(parts));
  }
}

/** A cached membership, with its company from the cached companies; undefined unless both are there. */
function memberOf(parts: ViewParts, companyId: string): MemberContext['member'] | undefined {
  const member = parts.members[companyId];
  const company = parts.companies?.find((candidate) => candidate.id === companyId);
  return member && company ? { ...member, company } : undefined;
}
