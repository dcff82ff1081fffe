import { expectError } from '../support/api-error';
import {
  activeMember,
  askedForHelp,
  confirmedHelp,
  browserOn,
  Company,
  createCompany,
  credentialsOf,
  Member,
  memberWithTotp,
  signedInClient,
  TotpMember,
} from '../support/factories';
import { Mailbox } from '../support/mailbox';
import { MobileApp } from '../support/mobile-app';
import { PortalClient } from '../support/portal-client';
import { codeForStep, currentStepWithMargin } from '../support/totp';

/** "No access to the app": the client asks, an admin of the company turns 2FA off. */
describe('A client who lost the authenticator app', () => {
  const mailbox = new Mailbox();
  let firm: Company;
  let otherFirm: Company;
  let admin: Member;
  let adminBrowser: PortalClient;
  let otherAdminBrowser: PortalClient;
  let clientBrowser: PortalClient;
  let client: TotpMember;
  let earlierClient: TotpMember;
  let otherFirmClient: TotpMember;
  let signingIn: PortalClient;
  const clientsPhone = new MobileApp();
  const pin = '3095';
  const message = 'J’ai perdu mon téléphone / I lost my phone';

  const disable = (browser: PortalClient, member: Member, reason = 'Called the client back') =>
    browser.post(`/api/admin/users/${member.userId}/mfa/disable`, { reason });

  beforeAll(async () => {
    firm = await createCompany({ name: 'Blanc Gestion' });
    otherFirm = await createCompany({ name: 'Noir Patrimoine' });
    admin = await activeMember(firm, { role: 'admin', name: 'Alice Admin' });
    const otherAdmin = await activeMember(otherFirm, { role: 'admin' });
    client = await memberWithTotp(firm, { name: 'Bruno Client' });
    earlierClient = await memberWithTotp(firm);
    otherFirmClient = await memberWithTotp(otherFirm);
    adminBrowser = await signedInClient(firm, admin);
    otherAdminBrowser = await signedInClient(otherFirm, otherAdmin);
    clientBrowser = await signedInClient(firm, await activeMember(firm));
    const code = codeForStep(client.secret, await currentStepWithMargin());
    await clientsPhone.signInWithSecondFactor(credentialsOf(client), { code }, pin);
    await mailbox.waitFor({ to: admin.email, containing: '/activate/' });
    await mailbox.waitFor({ to: client.email, containing: '/activate/' });
  });

  test('during the code step, the client asks for help: 202', async () => {
    signingIn = browserOn(firm.host);
    expect((await signingIn.post('/api/auth/login', credentialsOf(client))).body).toEqual({ next: 'totp', methods: ['totp', 'passkey'], trustBrowserDays: 30 });

    const help = await signingIn.post('/api/auth/totp/help', { message });

    expect(help.status).toBe(202);
  });

  test('from the link mailed to the client, the client confirms it', async () => {
    expect(await confirmedHelp(client)).toBe(firm.name);
  });

  test("the company's admins are mailed about it", async () => {
    const mail = await mailbox.waitFor({ to: admin.email });

    expect(mail.text).toContain(client.email);
    expect(mail.text).toContain(`« ${message} »`);
  });

  test('an admin lists the open request', async () => {
    const requests = await adminBrowser.get('/api/admin/mfa-requests');

    expect(requests.status).toBe(200);
    expect(requests.body).toEqual([
      {
        id: expect.any(String),
        user: { id: client.userId, email: client.email, name: client.name },
        message,
        createdAt: expect.any(String),
      },
    ]);
    expect(Number.isNaN(Date.parse(requests.body[0].createdAt))).toBe(false);
  });

  test('a client of the company may not see the requests nor turn 2FA off: 403', async () => {
    expectError(await clientBrowser.get('/api/admin/mfa-requests'), 403, 'forbidden');
    expectError(await disable(clientBrowser, client), 403, 'forbidden');
    expectError(await clientBrowser.get('/api/admin/audit'), 403, 'forbidden');
  });

  test("an admin of another company gets 404 for this company's client", async () => {
    expectError(await disable(otherAdminBrowser, client), 404, 'not_found');
  });

  test('the admin turns 2FA off: 204', async () => {
    await askedForHelp(firm, earlierClient);
    await askedForHelp(otherFirm, otherFirmClient);
    expect((await disable(adminBrowser, earlierClient, 'Earlier request')).status).toBe(204);

    const disabled = await disable(adminBrowser, client);

    expect(disabled.status).toBe(204);
    expect((await disable(otherAdminBrowser, otherFirmClient)).status).toBe(204);
  });

  test('the request is no longer open', async () => {
    const requests = await adminBrowser.get('/api/admin/mfa-requests');

    expect(requests.body).toEqual([]);
  });

  test("the client's other web sessions and the sign-in in progress are ended", async () => {
    expectError(await client.browser.get('/api/me'), 401, 'unauthenticated');
    expectError(await signingIn.get('/api/auth/state'), 401, 'unauthenticated');
  });

  test("the client's mobile device is ended: its access token, and its PIN until the client signs in again", async () => {
    expectError(await clientsPhone.get('/api/me'), 401, 'unauthenticated');
    expectError(await clientsPhone.unlockWithPin(pin), 401, 'credentials_changed');
  });

  test('the client is told by mail', async () => {
    const mail = await mailbox.waitFor({ to: client.email, subject: 'Authentification à deux facteurs désactivée' });

    expect(mail.text).not.toContain('/activate/');
  });

  test('the client signs in without a code', async () => {
    const login = await browserOn(firm.host).post('/api/auth/login', credentialsOf(client));

    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({ next: 'done', me: { user: { email: client.email, totpEnabled: false } } });
  });

  test('the audit shows the action, newest first, and only this company’s', async () => {
    const audit = await adminBrowser.get('/api/admin/audit');

    expect(audit.status).toBe(200);
    const entry = (target: Member) => ({
      at: expect.any(String),
      actor: expect.objectContaining({ id: admin.userId, email: admin.email }),
      action: expect.any(String),
      target: expect.objectContaining({ id: target.userId, email: target.email }),
    });
    expect(audit.body).toEqual([expect.objectContaining(entry(client)), expect.objectContaining(entry(earlierClient))]);
    expect(Date.parse(audit.body[0].at)).toBeGreaterThanOrEqual(Date.parse(audit.body[1].at));
    const otherAudit = await otherAdminBrowser.get('/api/admin/audit');
    expect(otherAudit.body).toEqual([
      expect.objectContaining({ target: expect.objectContaining({ id: otherFirmClient.userId }) }),
    ]);
  });
});
