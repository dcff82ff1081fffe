import { CompanyView, TenancyPatterns } from '@app/contracts';
import { RpcClient } from '@app/platform';
import { Inject, Injectable } from '@nestjs/common';
import { GATEWAY_CONFIG, GatewayConfig } from '../config';
import { HostPortal } from './host-portal';
import { UnknownHosts } from './unknown-hosts';

/** A host created on another gateway replica may answer 404 this long after its creation. */
const UNKNOWN_HOST_SECONDS = 5;
/** About a megabyte of hostnames: an attacker's random hosts push out one another, never the gateway. */
const UNKNOWN_HOSTS_REMEMBERED = 10_000;

interface CachedCompany {
  company: CompanyView;
  expiresAt: number;
}

/**
 * Host to company, with a short in-process cache: every request pays for it.
 * Unknown hosts are remembered briefly, and requests for a host being looked
 * up share the one lookup: many requests on one unknown host cost one.
 */
@Injectable()
export class PortalResolver {
  private readonly cache = new Map<string, CachedCompany>();
  private readonly unknown = new UnknownHosts(UNKNOWN_HOST_SECONDS * 1000, UNKNOWN_HOSTS_REMEMBERED);
  private readonly lookups = new Map<string, Promise<CompanyView | null>>();

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
    if (host.startsWith('[') || this.unknown.has(host)) return null;
    const company = await this.lookUp(host);
    return company ? { kind: 'company', company } : null;
  }

  /** A company just created answers on this gateway at once, though its hosts were asked for a moment ago. */
  forgetUnknown(hosts: string[]): void {
    this.unknown.forget(hosts.map(normalized));
  }

  private lookUp(host: string): Promise<CompanyView | null> {
    let lookup = this.lookups.get(host);
    if (!lookup) {
      lookup = this.askTenancy(host).finally(() => this.lookups.delete(host));
      this.lookups.set(host, lookup);
    }
    return lookup;
  }

  private async askTenancy(host: string): Promise<CompanyView | null> {
    const { company } = await this.rpc.request(TenancyPatterns.resolveHost, { host });
    if (company) this.cache.set(host, { company, expiresAt: Date.now() + this.config.HOST_CACHE_SECONDS * 1000 });
    else this.unknown.remember(host);
    return company;
  }
}

function normalized(hostname: string): string {
  return hostname.toLowerCase().replace(/\.$/, '');
}
