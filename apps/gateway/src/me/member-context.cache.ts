import { IdentityPatterns, MfaPatterns, RpcClient, TenancyPatterns } from '@app/common';
import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { REDIS } from '../redis.provider';
import { CachedViewParts } from '../session/session';
import { viewKey } from '../session/session.store';
import { MemberContext } from './me';

/** A safety net only: services announce changes, and the cache is dropped at once. */
const VIEW_TTL_SECONDS = 600;

/**
 * The user's view (identity's user, tenancy's companies and membership) cached
 * in Redis per user, so that an authenticated request costs one Redis read and
 * no NATS round trip. Events from the services drop it (see ViewInvalidation).
 */
@Injectable()
export class MemberContextCache {
  constructor(
    private readonly rpc: RpcClient,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

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
    if (Object.keys(missing).length > 0) {
      await this.redis.multi().hset(viewKey(userId), missing).expire(viewKey(userId), VIEW_TTL_SECONDS).exec();
    }
    return { user, companies, member };
  }

  /** The companies of the user, for a session that has not chosen one yet. */
  async companiesOf(userId: string, cachedCompanies: string | null): Promise<MemberContext['companies']> {
    const cached = parsed<MemberContext['companies']>(cachedCompanies);
    if (cached) return cached;
    const companies = await this.rpc.request(TenancyPatterns.listCompaniesOfUser, { userId });
    await this.redis.multi().hset(viewKey(userId), { companies: JSON.stringify(companies) }).expire(viewKey(userId), VIEW_TTL_SECONDS).exec();
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
    await this.redis.del(viewKey(userId));
  }
}

function parsed<T>(json: string | null): T | null {
  return json === null ? null : (JSON.parse(json) as T);
}
