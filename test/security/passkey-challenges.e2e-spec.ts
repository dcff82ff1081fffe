import Redis from 'ioredis';
import { createHash } from 'node:crypto';
import { expectError } from '../support/api-error';
import { activeMember, Company, createCompany, signedInClient } from '../support/factories';
import { infrastructure } from '../support/infrastructure';
import { proofOptions, provedWithPasskey, registeredPasskey } from '../support/passkeys';
import { PortalClient } from '../support/portal-client';
import { currentRun } from '../support/run-context';
import { SoftwareAuthenticator } from '../support/software-authenticator';

const NOWHERE = '00000000-0000-4000-8000-000000000000';

/**
 * A passkey challenge answers once, for 5 minutes, for the user and host it
 * was issued to: a captured registration or assertion cannot be sent again,
 * and a stale one cannot be used late.
 */
describe('Passkey challenges: single use, 5 minutes, one user and host', () => {
  const redis = new Redis(infrastructure.redisUrl, { keyPrefix: currentRun().redisKeyPrefix });
  const keyOf = (ceremony: string, challenge: string) =>
    `passkey-${ceremony}:${createHash('sha256').update(challenge).digest('base64url')}`;
  let firm: Company;
  let claire: PortalClient;
  let bob: PortalClient;
  const phone = new SoftwareAuthenticator();

  beforeAll(async () => {
    firm = await createCompany({ name: 'Cabinet Perrin' });
    claire = await signedInClient(firm, await activeMember(firm));
    bob = await signedInClient(firm, await activeMember(firm));
    await registeredPasskey(claire, phone);
    // Claire now holds a passkey: the registrations these specs make ask her session to have proved it.
    await provedWithPasskey(claire, phone);
  });

  afterAll(() => redis.disconnect());

  test('a registration answered twice: the second is 400 passkey_challenge_expired', async () => {
    const options = (await claire.post('/api/me/passkeys/registration-options')).body;

    expect((await claire.post('/api/me/passkeys', { response: new SoftwareAuthenticator().create(options, claire.origin) })).status).toBe(201);
    const second = new SoftwareAuthenticator().create(options, claire.origin);
    expectError(await claire.post('/api/me/passkeys', { response: second }), 400, 'passkey_challenge_expired');
  });

  test('an assertion sent twice: the second is 400 passkey_challenge_expired', async () => {
    const assertion = phone.assert(await proofOptions(claire), claire.origin);

    expectError(await claire.delete(`/api/me/passkeys/${NOWHERE}`, { json: { passkey: assertion } }), 404, 'not_found');
    expectError(await claire.delete(`/api/me/passkeys/${NOWHERE}`, { json: { passkey: assertion } }), 400, 'passkey_challenge_expired');
  });

  test('a challenge lives 5 minutes in Redis, under the app key prefix', async () => {
    const { challenge } = (await claire.post('/api/me/passkeys/registration-options')).body;
    const ttl = await redis.ttl(keyOf('registration', challenge));

    expect(ttl).toBeGreaterThan(290);
    expect(ttl).toBeLessThanOrEqual(300);
  });

  test('once expired, its registration and its assertion are refused', async () => {
    const registration = (await claire.post('/api/me/passkeys/registration-options')).body;
    const proof = await proofOptions(claire);
    await redis.pexpire(keyOf('registration', registration.challenge), 1);
    await redis.pexpire(keyOf('authentication', proof.challenge), 1);
    await new Promise((resolve) => setTimeout(resolve, 20));

    const late = new SoftwareAuthenticator().create(registration, claire.origin);
    expectError(await claire.post('/api/me/passkeys', { response: late }), 400, 'passkey_challenge_expired');
    const lateAssertion = phone.assert(proof, claire.origin);
    expectError(await claire.delete(`/api/me/passkeys/${NOWHERE}`, { json: { passkey: lateAssertion } }), 400, 'passkey_challenge_expired');
  });

  test("Claire's registration options answered in Bob's session: refused, and spent", async () => {
    const options = (await claire.post('/api/me/passkeys/registration-options')).body;
    const made = new SoftwareAuthenticator().create(options, claire.origin);

    expectError(await bob.post('/api/me/passkeys', { response: made }), 400, 'passkey_challenge_expired');
    expectError(await claire.post('/api/me/passkeys', { response: made }), 400, 'passkey_challenge_expired');
    expect((await bob.get('/api/me/passkeys')).body).toEqual([]);
  });

  test('a challenge the authenticator did not sign for (forged in clientDataJSON): refused', async () => {
    const assertion = phone.assert(await proofOptions(claire), claire.origin, { challenge: 'A'.repeat(43) });

    expectError(await claire.delete(`/api/me/passkeys/${NOWHERE}`, { json: { passkey: assertion } }), 400, 'passkey_challenge_expired');
  });
});
