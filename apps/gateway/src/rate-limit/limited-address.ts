import { isIPv4, isIPv6 } from 'node:net';
import type { Limit } from './rate-limiter';

/** How many addresses' budgets the /64 networks of one IPv6 /48 share: a household or an office, not a spraying farm. */
const NETWORK_BUDGETS = 8;

/**
 * What a per-address limit counts: an IPv4 address, or the /64 network of an
 * IPv6 one. A subscriber is handed at least a /64 (RFC 6177), and picks any of
 * its 2^64 addresses at will: counted one by one, they would be no limit.
 * An IPv4 address written as IPv6 (`::ffff:203.0.113.9`) counts as itself.
 */
export function limitedAddress(ip: string): string {
  const address = withoutPort(ip).split('%')[0];
  if (!isIPv6(address)) return address;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped && isIPv4(mapped[1])) return mapped[1];
  return `${groupsOf(address).slice(0, 4).join(':')}::/64`;
}

/**
 * The /48 network of an IPv6 address, for a second, larger budget beside the
 * /64's: many subscribers hold a /56 or a /48 (a tunnel broker hands one out
 * free), which would be 256 or 65,536 budgets. Null for IPv4 (and IPv4 written as IPv6).
 */
export function limitedNetwork(ip: string): string | null {
  const network = limitedAddress(ip);
  return network.endsWith('::/64') ? `${network.split(':').slice(0, 3).join(':')}::/48` : null;
}

/**
 * A per-address limit named `name`: counted per limitedAddress, and for
 * IPv6 also per /48 (limitedNetwork), whose /64 networks share
 * NETWORK_BUDGETS addresses' budgets. Keys `<name>-ip:…` and `<name>-net:…`.
 */
export function perAddressAndNetwork(name: string, ip: string, max: number, windowSeconds: number): Limit[] {
  const network = limitedNetwork(ip);
  const perAddress = { key: `${name}-ip:${limitedAddress(ip)}`, max, windowSeconds };
  return network ? [perAddress, { key: `${name}-net:${network}`, max: NETWORK_BUDGETS * max, windowSeconds }] : [perAddress];
}

/**
 * Some proxies forward the client's address with its port (`203.0.113.9:51234`,
 * `[2001:db8::1]:443`): counted as written, each port of one client would be a
 * budget of its own.
 */
function withoutPort(ip: string): string {
  const v4 = /^(\d+\.\d+\.\d+\.\d+):\d+$/.exec(ip);
  if (v4) return v4[1];
  const v6 = /^\[([^\]]+)\](?::\d+)?$/.exec(ip);
  return v6 ? v6[1] : ip;
}

/** The groups of an IPv6 address, `::` expanded, without leading zeros; an IPv4 tail stays one entry, though it stands for two. */
function groupsOf(address: string): string[] {
  const [head, tail] = address.toLowerCase().split('::');
  const part = (text: string | undefined) => (text ? text.split(':') : []);
  const width = (groups: string[]) => groups.reduce((sum, group) => sum + (group.includes('.') ? 2 : 1), 0);
  const zeros = tail === undefined ? 0 : 8 - width(part(head)) - width(part(tail));
  return [...part(head), ...Array(zeros).fill('0'), ...part(tail)].map((group) => (group.includes('.') ? group : parseInt(group, 16).toString(16)));
}
