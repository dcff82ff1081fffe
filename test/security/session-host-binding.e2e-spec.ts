import { expectError } from '../support/api-error';
import {
  activate,
  addMember,
  browserOn,
  Company,
  createCompany,
  credentialsOf,
  easyAccessBrowser,
  strongPassword,
  uniqueEmail,
} from '../support/factories';
import { PortalClient } from '../support/portal-client';

/**
 * The attacker holds a web session cookie issued on company A's host (a
 * client of both firms signed in there) and replays it on another host: B's
 * portal, or the easy access host. A cookie works only where it was issued.
 */
describe('A web session cookie replayed on another host', () => {
  const claire = { email: uniqueEmail('claire'), password: strongPassword() };
  let firmA: Company;
  let firmB: Company;
  let onA: PortalClient;
  let cookie: string;

  beforeAll(async () => {
    firmA = await createCompany({ name: 'Roux Conseil' });
    firmB = await createCompany({ name: 'Roux Patrimoine' });
    const invitation = await addMember(firmA, { email: claire.email, name: 'Claire Roux' });
    await addMember(firmB, { email: claire.email, name: 'Claire Roux' });
    await activate(browserOn(firmA.host), invitation.token!, claire.password);
    onA = browserOn(firmA.host);
    const login = await onA.post('/api/auth/login', credentialsOf(claire));
    expect(login.body).toMatchObject({ next: 'done' });
    const session = onA.sessionCookie()!;
    cookie = `${session.name}=${session.value}`;
  });

  test('on the host where it was issued, it works', async () => {
    expect((await onA.get('/api/me')).status).toBe(200);
  });

  test.each([
    ["B's host", () => browserOn(firmB.host)],
    ['the easy access host', () => easyAccessBrowser()],
  ])('on %s: 401 unauthenticated, for reading and for switching portal', async (_host, browser) => {
    const elsewhere = browser();
    const headers = { cookie, origin: `http://${elsewhere.host}:${elsewhere.port}` };

    expectError(await elsewhere.get('/api/me', { headers }), 401, 'unauthenticated');
    expectError(await elsewhere.post('/api/me/portal', { portalId: firmB.id }, { headers }), 401, 'unauthenticated');
    expectError(await elsewhere.get('/api/auth/state', { headers }), 401, 'unauthenticated');
  });

  test('the replays ended nothing on the issuing host', async () => {
    expect((await onA.get('/api/me')).body.portal.id).toBe(firmA.id);
  });
});
