import { BrandingPatterns, CompanyBranding, Logo } from '@app/contracts';
import { RpcClient } from '@app/platform';
import { Injectable } from '@nestjs/common';
import { rememberAtMost } from '../bounded-map';

/** Long enough that a flood of first screens asks tenancy once per company every few seconds; short enough for another gateway's change. */
const FRESH_MS = 3_000;
/** Bounded: a flood of hosts cannot grow the gateway's memory (each company's look is a few bytes; each logo at most 100 KiB). */
const LOOKS_REMEMBERED = 10_000;
/** By bytes, not count: about 160 logos of the largest size, so that cycling through many firms' hosts still mostly hits. */
const LOGO_BYTES_REMEMBERED = 16 * 1024 * 1024;

type StoredLogo = Logo & { digest: string };

/**
 * The companies' looks as GET /api/portal and GET /api/portal/logo serve them,
 * to anyone, before sign-in: kept a moment in this process, each lookup shared
 * by the requests that wait for it, and the logos' bytes by their digest, so
 * that no unauthenticated request costs a database read or a 100 KiB message.
 * A change made through this gateway is seen here at once; through another,
 * within FRESH_MS.
 */
@Injectable()
export class BrandingCache {
  private readonly looks = new Map<string, { at: number; look: Promise<CompanyBranding> }>();
  private readonly logos = new Map<string, StoredLogo>();
  private logoBytes = 0;
  /** The logos being fetched, shared by the requests that arrive meanwhile. */
  private readonly fetching = new Map<string, Promise<StoredLogo | null>>();

  constructor(private readonly rpc: RpcClient) {}

  look(companyId: string): Promise<CompanyBranding> {
    const kept = this.looks.get(companyId);
    if (kept && Date.now() - kept.at < FRESH_MS) return kept.look;
    const look = this.rpc.request(BrandingPatterns.branding, { companyId });
    // A failed lookup is not kept: the next request asks again.
    look.catch(() => this.looks.get(companyId)?.look === look && this.looks.delete(companyId));
    rememberAtMost(this.looks, companyId, { at: Date.now(), look }, LOOKS_REMEMBERED);
    return look;
  }

  /** The company's current logo, or null; its bytes are asked for only when this digest was never seen. */
  async logo(companyId: string): Promise<StoredLogo | null> {
    const { logo } = await this.look(companyId);
    if (!logo) return null;
    const kept = this.logos.get(logo.digest);
    if (kept) return kept;
    let fetch = this.fetching.get(logo.digest);
    if (!fetch) {
      fetch = this.rpc.request(BrandingPatterns.logo, { companyId }).finally(() => this.fetching.delete(logo.digest));
      this.fetching.set(logo.digest, fetch);
    }
    const stored = await fetch;
    if (stored) this.keepLogo(stored);
    return stored;
  }

  private keepLogo(logo: StoredLogo): void {
    if (this.logos.has(logo.digest)) return;
    this.logos.set(logo.digest, logo);
    this.logoBytes += logo.data.length;
    for (const [digest, oldest] of this.logos) {
      if (this.logoBytes <= LOGO_BYTES_REMEMBERED) break;
      this.logos.delete(digest);
      this.logoBytes -= oldest.data.length;
    }
  }

  /** After a change through this gateway. */
  forget(companyId: string): void {
    this.looks.delete(companyId);
  }
}
