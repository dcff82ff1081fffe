import { rememberAtMost } from '../bounded-map';

/**
 * Hosts tenancy said belong to no company, remembered for a few seconds so
 * that requests aimed at one unknown host do not each cost a NATS request and
 * a Postgres query. Short, because a company's host must work soon after it is
 * created (at once on the gateway that created it: see `forget`); bounded,
 * because an attacker can send endless random hosts: the oldest entry makes
 * room for the newest.
 */
export class UnknownHosts {
  private readonly expiries = new Map<string, number>();

  constructor(
    private readonly ttlMs: number,
    private readonly capacity: number,
  ) {}

  has(host: string): boolean {
    const expiresAt = this.expiries.get(host);
    if (expiresAt === undefined) return false;
    if (expiresAt > Date.now()) return true;
    this.expiries.delete(host);
    return false;
  }

  remember(host: string): void {
    rememberAtMost(this.expiries, host, Date.now() + this.ttlMs, this.capacity);
  }

  forget(hosts: string[]): void {
    for (const host of hosts) this.expiries.delete(host);
  }

  get size(): number {
    return this.expiries.size;
  }
}
