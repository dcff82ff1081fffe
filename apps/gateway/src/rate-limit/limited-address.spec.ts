import { limitedAddress, limitedNetwork } from './limited-address';

describe('limitedAddress', () => {
  test('an IPv4 address counts as itself', () => {
    expect(limitedAddress('203.0.113.9')).toBe('203.0.113.9');
  });

  test('an IPv4 address written as IPv6 counts as the IPv4 one', () => {
    expect(limitedAddress('::ffff:203.0.113.9')).toBe('203.0.113.9');
  });

  test('IPv6 addresses count by their /64 network, however they are written', () => {
    const network = '2001:db8:7:7::/64';
    expect(limitedAddress('2001:db8:7:7::1')).toBe(network);
    expect(limitedAddress('2001:0DB8:0007:0007:abcd:0:0:9')).toBe(network);
    expect(limitedAddress('2001:db8:7:7:1:2:3:4%eth0')).toBe(network);
    expect(limitedAddress('2001:db8:7:8::1')).toBe('2001:db8:7:8::/64');
  });

  test('short forms expand before the network is taken', () => {
    expect(limitedAddress('::1')).toBe('0:0:0:0::/64');
    expect(limitedAddress('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(limitedAddress('fe80::')).toBe('fe80:0:0:0::/64');
    expect(limitedAddress('1::3:4:5:6:1.2.3.4')).toBe('1:0:3:4::/64');
  });

  test('an address forwarded with its port counts without it: each port is not a budget', () => {
    expect(limitedAddress('203.0.113.9:51234')).toBe('203.0.113.9');
    expect(limitedAddress('[2001:db8:7:7::1]:443')).toBe('2001:db8:7:7::/64');
    expect(limitedAddress('[fe80::1%eth0]')).toBe('fe80:0:0:0::/64');
    expect(limitedNetwork('[2001:db8:7:7::1]:443')).toBe('2001:db8:7::/48');
  });

  test('what is no address is kept as it is: the limit still counts it', () => {
    expect(limitedAddress('unknown')).toBe('unknown');
  });
});

describe('limitedNetwork', () => {
  test('an IPv6 address counts by its /48 as well, however it is written', () => {
    expect(limitedNetwork('2001:DB8:0a:ffff:1::9')).toBe('2001:db8:a::/48');
    expect(limitedNetwork('2001:db8::1')).toBe('2001:db8:0::/48');
  });

  test('IPv4, written either way, and what is no address have none: the address limit alone counts them', () => {
    expect(limitedNetwork('203.0.113.9')).toBeNull();
    expect(limitedNetwork('::ffff:203.0.113.9')).toBeNull();
    expect(limitedNetwork('unknown')).toBeNull();
  });
});
