import { randomBytes } from 'node:crypto';
import { expectError } from '../support/api-error';
import { activeMember, browserOn, Company, createCompany, uniqueEmail } from '../support/factories';
import { GoogleStack, startGoogleStack } from '../support/oidc-stack';
import { anotherMachineAddress } from '../support/portal-client';

/**
 * An ID token captured on its way (a proxy's log, a compromised phone's
 * traffic) is a bearer credential until it expires: the gateway accepts each
 * one once, by its jti, or by the hash of the whole token when it has none.
 */
describe('A mobile Google ID token signs in once', () => {
  let google: GoogleStack;
  let firm: Company;
  const app = () => browserOn(google.gateway.easyAccessHost, google.gateway);
  const attacker = () => browserOn(google.gateway.easyAccessHost, google.gateway, { sourceAddress: anotherMachineAddress() });
  const claimsOf = (email: string, overrides: Record<string, unknown> = {}) => ({
    sub: `google-${randomBytes(6).toString('hex')}`,
    email,
    email_verified: true,
    aud: 'portal-ios.apps.test',
    ...overrides,
  });

  beforeAll(async () => {
    google = await startGoogleStack('mobile-id-token-once');
    firm = await createCompany({ name: 'Jeton Unique' }, google.gateway);
  });

  afterAll(async () => {
    await google?.dispose();
  });

  test('the same token replayed, even from elsewhere, is refused with 401 id_token_replayed', async () => {
    const member = await activeMember(firm, { email: uniqueEmail('once') });
    const idToken = await google.provider.idToken(claimsOf(member.email, { jti: randomBytes(12).toString('hex') }));

    expect((await app().post('/api/mobile/login', { googleIdToken: idToken })).status).toBe(200);
    expectError(await attacker().post('/api/mobile/login', { googleIdToken: idToken }), 401, 'id_token_replayed');
  });

  test('a token without jti is remembered by its hash', async () => {
    const member = await activeMember(firm, { email: uniqueEmail('hashed') });
    const idToken = await google.provider.idToken(claimsOf(member.email));

    expect((await app().post('/api/mobile/login', { googleIdToken: idToken })).status).toBe(200);
    expectError(await attacker().post('/api/mobile/login', { googleIdToken: idToken }), 401, 'id_token_replayed');
  });

  test('a fresh token of the same account signs in again', async () => {
    const member = await activeMember(firm, { email: uniqueEmail('fresh') });
    const claims = claimsOf(member.email);
    const fresh = () => google.provider.idToken({ ...claims, jti: randomBytes(12).toString('hex') });

    expect((await app().post('/api/mobile/login', { googleIdToken: await fresh() })).status).toBe(200);
    expect((await app().post('/api/mobile/login', { googleIdToken: await fresh() })).status).toBe(200);
  });
});
