import { IdentityPatterns, MfaPatterns, RpcClient, TenancyPatterns } from '@app/common';
import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { REDIS } from '../redis.provider';
import { CachedViewParts } from '../session/session';
import { viewKey } from '../session/session.store';
import { MemberContext } from './me';
import { FILL_VIEW_LUA, INVALIDATE_VIEW_LUA } from './view-cache.lua';

type ViewRedis = Redis & {
  fillView(key: string, generation: string, ttl: number, ...fieldsAndValues: string[]): Promise<number>;
  invalidateView(key: string, ttl: number): Promise<number>;
};

/** A safety net only: services announce changes, and the cache is dropped at once. */
const VIEW_TTL_SECONDS = 600;

/**
 * The user's view (identity's user, tenancy's companies and membership) cached
 * in Redis per user, so that an authenticated request costs one Redis read and
 * no NATS round trip. Events from the services drop it (see ViewInvalidation).
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
  async resolve(userId: string, companyId: string, cached: CachedViewParts): Promise<MemberContext> {
    const [user, companies, member] = await Promise.all([
      parsed<MemberContext['user']>(cached.user) ?? this.fetchUser(userId),
      parsed<MemberContext['companies']>(cached.companies) ??
        this.rpc.request(TenancyPatterns.listCompaniesOfUser, { userId }),
      parsed<MemberContext['member']>(cached.member) ?? this.rpc.request(TenancyPatterns.getMember, { userId, companyId }),
    ]);
    const missing: Record<string, string> = {
      ...(cached.user === null && { user: JSON.stringify(user) }),
      ...(cached.companies === null && { companies: JSON.stringify(companies) }),
      ...(cached.member === null && { [`member:${companyId}`]: JSON.stringify(member) }),
    };
    await this.fill(userId, cached.generation, missing);
    return { user, companies, member };
  }

  /** The companies of the user, for a session that has not chosen one yet. */
  async companiesOf(userId: string, cached: CachedViewParts): Promise<MemberContext['companies']> {
    const known = parsed<MemberContext['companies']>(cached.companies);
    if (known) return known;
    const companies = await this.rpc.request(TenancyPatterns.listCompaniesOfUser, { userId });
    await this.fill(userId, cached.generation, { companies: JSON.stringify(companies) });
    return companies;
  }

  private async fetchUser(userId: string): Promise<MemberContext['user']> {
    const [user, factor] = await Promise.all([
      this.rpc.request(IdentityPatterns.getUser, { userId }),
      this.rpc.request(MfaPatterns.factorStatus, { userId }),
    ]);
    return { ...user, totpEnabled: factor.enabled };
  }

  async invalidate(userId: string): Promise<void> {
    await this.redis.invalidateView(viewKey(userId), VIEW_TTL_SECONDS);
  }

  private async fill(userId: string, generation: string | null, parts: Record<string, string>): Promise<void> {
    if (Object.keys(parts).length === 0) return;
    await this.redis.fillView(viewKey(userId), generation ?? '', VIEW_TTL_SECONDS, ...Object.entries(parts).flat());
  }
}

function parsed<T>(json: string | null): T | null {
  return json === null ? null : (JSON.parse(json) as T);
}
