import { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import { trustProxyEnv, trustsPeerOf } from './trusted-proxies';

const fromPeer = (remoteAddress: string) => ({ socket: { remoteAddress } as Socket }) as IncomingMessage;

describe('TRUST_PROXY', () => {
  test.each([
    [undefined, false],
    ['', false],
    ['false', false],
    ['0', false],
    ['true', 1],
    ['1', 1],
    ['2', 2],
    ['10.0.0.1', ['10.0.0.1']],
    [' 10.0.0.0/8, 192.168.1.1 ,loopback', ['10.0.0.0/8', '192.168.1.1', 'loopback']],
    ['::1,fd00::/8', ['::1', 'fd00::/8']],
  ])('reads %j as %j', (value, expected) => {
    expect(trustProxyEnv.parse(value)).toEqual(expected);
  });

  test.each(['yes', 'proxy.example.com', '10.0.0.0/99', '10.0.0.1,,10.0.0.2', '-1'])('refuses %j, naming it', (value) => {
    const parsed = trustProxyEnv.safeParse(value);

    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0].message).toMatch(/proxy hops|IP addresses or CIDR/);
  });

  test('a peer is believed only when it is a trusted proxy', () => {
    const sut = trustsPeerOf(['10.0.0.0/8']);

    expect(sut(fromPeer('10.1.2.3'))).toBe(true);
    expect(sut(fromPeer('192.0.2.1'))).toBe(false);
    expect(trustsPeerOf(false)(fromPeer('10.1.2.3'))).toBe(false);
    expect(trustsPeerOf(1)(fromPeer('192.0.2.1'))).toBe(true);
  });
});
