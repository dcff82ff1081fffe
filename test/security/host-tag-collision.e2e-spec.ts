import { tagOfHostName } from '@app/contracts';
import { expectError } from '../support/api-error';
import { operatorClient } from '../support/factories';
import { OwnStack, startOwnStack } from '../support/own-stack';

/**
 * Two host names whose SHA-256 begin with the same 48 bits: the gateway's tag
 * of a host (tagOfHostName), to which it binds web sessions, trusted browsers
 * and known browsers. Found by a birthday search over 25 million names, a
 * minute on one core; a firm wanting a given host's tag searches 2^48 names,
 * hours on a graphics card. Registered as its portal's host, such a name
 * would be served that host's: her session cookie, read on the firm's host,
 * opened the easy access host (all her firms, and switching into them), and
 * her "don't ask again" cookie skipped her code on another firm's host.
 */
const [FIRST, SECOND] = ['h2028150.tag.test', 'h18930167.tag.test'];

describe("A host name with another host's tag is not registered", () => {
  let own: OwnStack | undefined;

  afterAll(async () => {
    await own?.dispose();
  });

  test('the two names share a tag', () => {
    expect(FIRST).not.toBe(SECOND);
    expect(tagOfHostName(FIRST)).toBe(tagOfHostName(SECOND));
  });

  test("another firm's host: 409, and the firm is not made", async () => {
    const victim = await operatorClient().post('/api/operator/companies', { name: 'Cabinet Victime', hosts: [FIRST] });
    expect(victim.status).toBe(201);

    expectError(await operatorClient().post('/api/operator/companies', { name: 'Cabinet Chercheur', hosts: [SECOND] }), 409, 'conflict');
    expectError(await operatorClient().post('/api/operator/companies', { name: 'Cabinet Chercheur', hosts: [`autre-${SECOND}`, SECOND] }), 409, 'conflict');
  });

  test("the easy access host's: 409", async () => {
    own = await startOwnStack('host-tags', {
      beforeStart: async (settings) => {
        settings.easyAccessHost = FIRST;
      },
    });

    expectError(await operatorClient(own.gateway).post('/api/operator/companies', { name: 'Cabinet Chercheur', hosts: [SECOND] }), 409, 'conflict');
  });
});
