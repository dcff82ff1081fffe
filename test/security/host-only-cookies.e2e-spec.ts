import { activeMember, browserOn, Company, createCompany, credentialsOf, Member } from '../support/factories';
import { OwnStack, startOwnStack } from '../support/own-stack';
import { PortalClient } from '../support/portal-client';

const STACK_START_MS = 120_000;

/**
 * Behind TLS (COOKIE_SECURE=true), a firm may serve a sibling name of the
 * easy access host (firm.portal.example beside app.portal.example) from its
 * own server. A cookie without the `__Host-` prefix may then be set by that
 * sibling for the whole domain: the firm plants its own session in a
 * client's browser (session fixation), or shadows hers. With the prefix the
 * browser keeps a cookie only from the very host, Secure, at Path=/, without
 * Domain; the gateway reads no other name.
 */
describe('Behind TLS, every cookie is host-only (__Host-)', () => {
  let own: OwnStack;
  let firm: Company;
  let claire: Member;
  let signedIn: PortalClient;

  beforeAll(async () => {
    own = await startOwnStack('host-only-cookies', { extraEnv: () => ({ COOKIE_SECURE: 'true' }) });
    firm = await createCompany({ name: 'Cabinet Hôte' }, own.gateway);
    claire = await activeMember(firm);
    signedIn = browserOn(firm.host, own.gateway);
    expect((await signedIn.post('/api/auth/login', credentialsOf(claire))).status).toBe(200);
  }, STACK_START_MS);

  afterAll(async () => {
    await own?.dispose();
  });

  test('the session cookie is set as __Host-portal_session: Secure, Path=/, no Domain', () => {
    const cookie = signedIn.cookies.get('__Host-portal_session');

    expect(cookie).toEqual(expect.objectContaining({ secure: true, httpOnly: true, path: '/' }));
    expect(signedIn.cookies.get('portal_session')).toBeUndefined();
  });

  test('a session token planted under the plain name, as a sibling host could set it, signs no one in', async () => {
    const token = signedIn.cookies.get('__Host-portal_session')!.value;
    const planted = browserOn(firm.host, own.gateway);
    planted.cookies.set('portal_session', token);

    expect((await planted.get('/api/me')).status).toBe(401);

    const copied = browserOn(firm.host, own.gateway);
    copied.cookies.set('__Host-portal_session', token);
    expect((await copied.get('/api/me')).status).toBe(200);
  });
});
