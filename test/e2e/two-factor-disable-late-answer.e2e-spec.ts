import { expectError } from '../support/api-error';
import {
  activeMember,
  askedForHelp,
  browserOn,
  Company,
  createCompany,
  credentialsOf,
  Member,
  memberWithTotp,
  signedInClient,
  TotpMember,
} from '../support/factories';
import { eventually, pauseFor } from '../support/late-answers';
import { MobileApp } from '../support/mobile-app';
import { OwnStack, startOwnStack } from '../support/own-stack';
import { PortalClient, PortalResponse } from '../support/portal-client';
import { codeForStep, currentStepWithMargin } from '../support/totp';

/** Longer than the gateway waits for tenancy (RPC_TIMEOUT_MS is 2 s in the tests). */
const TENANCY_PAUSE_MS = 3000;

/**
 * Tenancy is paused (SIGSTOP) while an admin turns a client's 2FA off, so its
 * answer comes after the gateway gave up: the admin gets 503, yet the disable
 * is applied once tenancy resumes, and the client's sessions end all the same.
 * A stack of its own: the paused process must not slow other specs.
 */
describe('An admin’s 2FA disable whose answer comes too late', () => {
  let own: OwnStack;
  let firm: Company;
  let admin: Member;
  let adminBrowser: PortalClient;
  let client: TotpMember;
  let signingIn: PortalClient;
  let clientsPhone: MobileApp;

  const tenancyPid = () => own.stack.process('tenancy').pid!;

  beforeAll(async () => {
    own = await startOwnStack('late-disable');
    firm = await createCompany({ name: 'Faure Fiduciaire' }, own.gateway);
    admin = await activeMember(firm, { role: 'admin' });
    client = await memberWithTotp(firm);
    await askedForHelp(firm, client);
    adminBrowser = await signedInClient(firm, admin);
    clientsPhone = new MobileApp(own.gateway);
    const code = codeForStep(client.secret, await currentStepWithMargin());
    await clientsPhone.signInWithSecondFactor(credentialsOf(client), { code }, '4817');
    signingIn = browserOn(firm.host, own.gateway);
    expect((await signingIn.post('/api/auth/login', credentialsOf(client))).body).toEqual({ next: 'totp', methods: ['totp', 'passkey'], trustBrowserDays: 30 });
    // The admin's view gets cached, so that the disable is the only call that needs tenancy.
    expect((await adminBrowser.get('/api/me')).status).toBe(200);
    expect((await client.browser.get('/api/me')).status).toBe(200);
    expect((await clientsPhone.get('/api/me')).status).toBe(200);
  }, 120_000);

  afterAll(async () => {
    if (own) process.kill(tenancyPid(), 'SIGCONT');
    await own?.dispose();
  });

  test('with tenancy paused past the RPC timeout, the admin gets 503', async () => {
    const resume = pauseFor(tenancyPid(), TENANCY_PAUSE_MS);

    const disable: PortalResponse = await adminBrowser.post(`/api/admin/users/${client.userId}/mfa/disable`, { reason: 'Lost phone' });
    await resume;

    expectError(disable, 503, 'unavailable');
  });

  test("once tenancy resumes, the client's web sessions and sign-in in progress end", async () => {
    expectError(await eventually(() => client.browser.get('/api/me'), 401), 401, 'unauthenticated');
    expectError(await signingIn.get('/api/auth/state'), 401, 'unauthenticated');
  });

  test("the client's mobile access token ends too", async () => {
    expectError(await clientsPhone.get('/api/me'), 401, 'unauthenticated');
  });

  test('the disable was applied once: no code asked, one audit entry', async () => {
    const login = await browserOn(firm.host, own.gateway).post('/api/auth/login', credentialsOf(client));
    const audit = await adminBrowser.get('/api/admin/audit');

    expect(login.body).toMatchObject({ next: 'done', me: { user: { email: client.email, totpEnabled: false } } });
    expect(audit.body).toEqual([expect.objectContaining({ target: expect.objectContaining({ id: client.userId }) })]);
  });

  test('the admin’s own session is untouched', async () => {
    expect((await adminBrowser.get('/api/me')).status).toBe(200);
  });
});
