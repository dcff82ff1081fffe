import { expectError } from '../support/api-error';
import {
  activeMember,
  addMember,
  Company,
  createCompany,
  credentialsOf,
  easyAccessBrowser,
  Member,
  operatorClient,
  signedInClient,
} from '../support/factories';
import { PortalClient } from '../support/portal-client';
import { sessionLimits } from '../support/session-clock';

const MINUTE = 60_000;
const HOUR = 3_600_000;
/** The deployment's, as the test stack runs the gateway: its defaults. */
const DEPLOYMENT = { idleMinutes: 30, absoluteHours: 12 };

/**
 * A firm may want its clients signed out sooner than the deployment does:
 * it shortens the web sessions signed in to its portal, never lengthens them,
 * and another firm's sessions keep their own lifetimes.
 */
describe("A company's session lifetimes", () => {
  let strict: Company;
  let lax: Company;
  let admin: PortalClient;

  const set = (client: PortalClient, body: unknown) => client.request('PATCH', '/api/admin/security', { json: body });

  beforeAll(async () => {
    strict = await createCompany({ name: 'Rigaud Audit' });
    lax = await createCompany({ name: 'Bonnet Conseil' });
    admin = await signedInClient(strict, await activeMember(strict, { role: 'admin' }));
  });

  test("unset, they are the deployment's", async () => {
    expect((await admin.get('/api/admin/security')).body).toEqual({ trustedBrowserDays: 30, sessionIdleMinutes: null, sessionAbsoluteHours: null });
  });

  test('set shorter, the sessions signed in from then on end sooner, and the portal is told the idle minutes', async () => {
    expect((await set(admin, { sessionIdleMinutes: 10, sessionAbsoluteHours: 2 })).body).toEqual({
      trustedBrowserDays: 30,
      sessionIdleMinutes: 10,
      sessionAbsoluteHours: 2,
    });
    const claire = await activeMember(strict);
    const browser = await signedInClient(strict, claire);

    expect((await browser.get('/api/me')).body.idleMinutes).toBe(10);
    const [limits] = await sessionLimits(claire.userId);
    expect(limits.idleLeftMs).toBeGreaterThan(9 * MINUTE);
    expect(limits.idleLeftMs).toBeLessThanOrEqual(10 * MINUTE);
    expect(limits.absoluteEndsAt - Date.now()).toBeLessThanOrEqual(2 * HOUR);
    expect(limits.absoluteEndsAt - Date.now()).toBeGreaterThan(HOUR);
  });

  test('the change is in the audit trail, with the admin who made it and what was set', async () => {
    const trail = (await admin.get('/api/admin/audit')).body as { actor: { email: string } | null; action: string; target: unknown; reason: string }[];

    expect(trail.filter((entry) => entry.action === 'company.security_changed')).toEqual([
      expect.objectContaining({ target: null, reason: 'sessionIdleMinutes: 10; sessionAbsoluteHours: 2' }),
    ]);
    expect(trail.find((entry) => entry.action === 'company.security_changed')?.actor?.email).toMatch(/@/);
  });

  test("another firm's sessions keep the deployment's", async () => {
    const louis = await activeMember(lax);
    const browser = await signedInClient(lax, louis);

    expect((await browser.get('/api/me')).body.idleMinutes).toBe(DEPLOYMENT.idleMinutes);
    const [limits] = await sessionLimits(louis.userId);
    expect(limits.absoluteEndsAt - Date.now()).toBeGreaterThan((DEPLOYMENT.absoluteHours - 1) * HOUR);
  });

  test("on the easy access host the chosen portal's apply, and switching into the strict one shortens the session", async () => {
    const both = await activeMember(lax);
    await addMember(strict, { email: both.email, name: both.name });
    const browser = easyAccessBrowser();
    expect((await browser.post('/api/auth/login', credentialsOf(both))).body.next).toBe('select_portal');
    expect((await browser.post('/api/auth/portal', { portalId: lax.id })).body.me.idleMinutes).toBe(DEPLOYMENT.idleMinutes);

    const switched = await browser.post('/api/me/portal', { portalId: strict.id });

    expect(switched.body.idleMinutes).toBe(10);
    const [limits] = await sessionLimits(both.userId);
    expect(limits.idleLeftMs).toBeLessThanOrEqual(10 * MINUTE);
    expect(limits.absoluteEndsAt - Date.now()).toBeLessThanOrEqual(2 * HOUR);
  });

  test.each([
    [{ sessionIdleMinutes: DEPLOYMENT.idleMinutes + 1 }],
    [{ sessionAbsoluteHours: DEPLOYMENT.absoluteHours + 1 }],
    [{ sessionIdleMinutes: 0 }],
    [{ sessionAbsoluteHours: 1.5 }],
    [{}],
  ])('%p: 400 validation_failed, a firm never lengthens nor zeroes them', async (body) => {
    expectError(await set(admin, body), 400, 'validation_failed');
  });

  test('the operator sets them too; null brings back the deployment\'s', async () => {
    const answer = await operatorClient().request('PATCH', `/api/operator/companies/${lax.id}/security`, { json: { sessionIdleMinutes: 15 } });
    expect(answer.body).toMatchObject({ sessionIdleMinutes: 15, sessionAbsoluteHours: null });

    const reset = await operatorClient().request('PATCH', `/api/operator/companies/${lax.id}/security`, { json: { sessionIdleMinutes: null } });
    expect(reset.body).toMatchObject({ sessionIdleMinutes: null });
  });

  test('a client cannot set them', async () => {
    const client: Member = await activeMember(strict);
    const browser = await signedInClient(strict, client);

    expectError(await set(browser, { sessionIdleMinutes: 1 }), 403, 'forbidden');
  });
});
