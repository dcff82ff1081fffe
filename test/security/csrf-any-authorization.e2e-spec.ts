import { expectError } from '../support/api-error';
import { activeMember, Company, createCompany, signedInClient } from '../support/factories';
import { MobileApp } from '../support/mobile-app';
import { PortalClient } from '../support/portal-client';

/**
 * The attacker's page posts to the portal with the victim's cookie, and adds an
 * Authorization header of its own (Basic, or a Bearer the gateway cannot read)
 * hoping the Origin check steps aside while the cookie still signs the request in
 * (logout reads the cookie whatever else the request carries).
 */
describe('An Authorization header does not lift the cross-site check off a cookie', () => {
  const evil = { origin: 'https://evil.example' };
  let firm: Company;
  let victim: PortalClient;

  beforeAll(async () => {
    firm = await createCompany({ name: 'Vasseur Patrimoine' });
    victim = await signedInClient(firm, await activeMember(firm));
  });

  test.each([
    ['Basic', 'Basic dmljdGltOnNlY3JldA=='],
    ['a malformed Bearer', 'Bearer not!a!token'],
    ['a Bearer in lower case', 'bearer abcdefghijklmnopqrstuvwxyz'],
    ['an unknown scheme', 'Digest username="victim"'],
  ])('%s with the victim’s cookie, from another site: 403 csrf_rejected, and the session lives on', async (_scheme, authorization) => {
    const sent = await victim.post('/api/auth/logout', undefined, { headers: { ...evil, authorization } });

    expectError(sent, 403, 'csrf_rejected');
    expect((await victim.get('/api/me')).status).toBe(200);
  });

  test('even a well-formed Bearer beside the cookie does not lift it: logout reads the cookie alone', async () => {
    const sent = await victim.post('/api/auth/logout', undefined, {
      headers: { ...evil, authorization: 'Bearer abcdefghijklmnopqrstuvwxyz012345' },
    });

    expectError(sent, 403, 'csrf_rejected');
    expect((await victim.get('/api/me')).status).toBe(200);
  });

  test('from the portal itself, a Bearer beside the cookie is the credential read, not the cookie', async () => {
    const sent = await victim.post('/api/me/banner/dismiss', undefined, {
      headers: { origin: victim.origin, authorization: 'Bearer abcdefghijklmnopqrstuvwxyz012345' },
    });

    expectError(sent, 401, 'unauthenticated');
  });

  test('the mobile app, with its own bearer token and no cookie, is not held to the Origin check', async () => {
    const app = new MobileApp();
    await app.signIn(await activeMember(firm), '2580');

    const dismissed = await app.client.post('/api/me/banner/dismiss', undefined, {
      headers: { ...evil, authorization: `Bearer ${app.accessToken}` },
    });

    expect(dismissed.status).toBe(204);
  });
});
