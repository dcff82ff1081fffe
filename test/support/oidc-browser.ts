import { PortalClient } from './portal-client';
import { Gateway } from './run-context';

/** One step of a redirect dance: the URL opened, the status, and where a redirect points. */
export interface Hop {
  url: string;
  status: number;
  location?: string;
}

const MAX_HOPS = 10;

/**
 * A browser that follows redirects itself, across the portal hosts (one cookie
 * jar each, as a browser keeps cookies per host) and the identity provider.
 */
export class RedirectingBrowser {
  private readonly hosts = new Map<string, PortalClient>();

  constructor(
    private readonly gateway: Gateway,
    private readonly providerUrl: string,
  ) {}

  /** This browser on a portal host, with that host's cookies. */
  on(host: string): PortalClient {
    let client = this.hosts.get(host);
    if (!client) {
      client = new PortalClient(host, this.gateway.port);
      this.hosts.set(host, client);
    }
    return client;
  }

  async open(url: string): Promise<Hop> {
    const target = new URL(url);
    if (url.startsWith(`${this.providerUrl}/`)) {
      const answer = await fetch(url, { redirect: 'manual' });
      return { url, status: answer.status, location: answer.headers.get('location') ?? undefined };
    }
    if (target.port !== String(this.gateway.port)) throw new Error(`${url} is neither the gateway nor the provider.`);
    const answer = await this.on(target.hostname).get(`${target.pathname}${target.search}`);
    const location = answer.headers.location;
    return { url, status: answer.status, location: location ? new URL(location, url).toString() : undefined };
  }

  /**
   * Follows redirects from `url` until one leads out of the API (to a page of
   * the front end), or to a URL `stopBefore` picks.
   * @returns every hop, and the URL not followed.
   */
  async follow(url: string, stopBefore: (next: URL) => boolean = () => false): Promise<{ hops: Hop[]; next: string }> {
    const hops: Hop[] = [];
    let current = url;
    for (let count = 0; count < MAX_HOPS; count += 1) {
      const hop = await this.open(current);
      hops.push(hop);
      if (hop.status !== 302 || !hop.location) {
        throw new Error(`${current} answered ${hop.status}, not a redirect.\n${hops.map((seen) => `${seen.status} ${seen.url}`).join('\n')}`);
      }
      const next = new URL(hop.location);
      const inDance = hop.location.startsWith(`${this.providerUrl}/`) || next.pathname.startsWith('/api/');
      if (!inDance || stopBefore(next)) return { hops, next: hop.location };
      current = hop.location;
    }
    throw new Error(`More than ${MAX_HOPS} redirects from ${url}.`);
  }
}
