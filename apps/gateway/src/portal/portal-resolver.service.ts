import { CompanyView, RpcClient, TenancyPatterns } from '@app/common';
import { Inject, Injectable } from '@nestjs/common';
import { GATEWAY_CONFIG, GatewayConfig } from '../config';
import { HostPortal } from './host-portal';

interface CachedCompany {
  company: CompanyView;
  expiresAt: number;
}

/**
 * Host to company, with a short in-process cache: every request pays for it.
 * Unknown hosts are not cached, so a company's host works the moment it is created.
 */
@Injectable()
export class PortalResolver {
  private readonly cache = new Map<string, CachedCompany>();

  constructor(
    private readonly rpc: RpcClient,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  /** Without a round trip: the easy access host, or a company's host seen lately; undefined when tenancy must be asked. */
  known(hostname: string): HostPortal | undefined {
    const host = normalized(hostname);
    if (host === this.config.EASY_ACCESS_HOST) return { kind: 'easy_access' };
    const cached = this.cache.get(host);
    if (cached && cached.expiresAt > Date.now()) return { kind: 'company', company: cached.company };
    return undefined;
  }

  /** @returns null when the host is neither the easy access host nor a company's. */
  async resolve(hostname: string): Promise<HostPortal | null> {
    const known = this.known(hostname);
    if (known) return known;
    const host = normalized(hostname);
    // Companies have DNS names: an IP address (v6 in brackets) is nobody's portal.
    if (host.startsWith('[')) return null;
    const { company } = await this.rpc.request(TenancyPatterns.resolveHost, { host });
    if (!company) return null;
    this.cache.set(host, { company, expiresAt: Date.now() + this.config.HOST_CACHE_SECONDS * 1000 });
    return { kind: 'company', company };
  }
}

function normalized(hostname: string): string {
  return hostname.toLowerCase().replace(/\.$/, '');
}
