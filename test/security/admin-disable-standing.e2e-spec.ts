import { expectError } from '../support/api-error';
import {
  activeMember,
  confirmedHelp,
  addMember,
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
import { PortalClient } from '../support/portal-client';

/**
 * The attacker is an admin of company A; the user is a member of A and of B,
 * with 2FA on. A may turn the user's 2FA off only in answer to the user's own
 * "no access to the app" request sent to A; B learns of it without learning who.
 */
describe('An admin turns off the 2FA of a user shared with another company only where they have standing', () => {
  const mailbox = new Mailbox();
  let firmA: Company;
  let firmB: Company;
  let adminA: Member;
  let adminB: Member;
  let adminABrowser: PortalClient;
  let adminBBrowser: PortalClient;
  let shared: TotpMember;

  const disable = () => adminABrowser.post(`/api/admin/users/${shared.userId}/mfa/disable`, { reason: 'Appel de Firme A' });

  beforeAll(async () => {
    firmA = await createCompany({ name: 'Firme A Conseil' });
    firmB = await createCompany({ name: 'Firme B Gestion' });
    adminA = await activeMember(firmA, { role: 'admin', name: 'Adrien Admin' });
    adminB = await activeMember(firmB, { role: 'admin', name: 'Berthe Admin' });
    shared = await memberWithTotp(firmB, { name: 'Sacha Partage' });
    await addMember(firmA, { email: shared.email, name: shared.name });
    adminABrowser = await signedInClient(firmA, adminA);
    adminBBrowser = await signedInClient(firmB, adminB);
  });

  test('without an open help request of the user to A: 403 no_open_help_request, and the factor stays', async () => {
    expectError(await disable(), 403, 'no_open_help_request');

    const signIn = await browserOn(firmB.host).post('/api/auth/login', credentialsOf(shared));
    expect(signIn.body).toEqual({ next: 'totp', methods: ['totp', 'passkey'], trustBrowserDays: 30 });
  });

  test('a help request sent to B gives A no standing', async () => {
    const signingIn = browserOn(firmB.host);
    await signingIn.post('/api/auth/login', credentialsOf(shared));
    expect((await signingIn.post('/api/auth/totp/help', { message: 'à B' })).status).toBe(202);
    expect(await confirmedHelp(shared)).toBe(firmB.name);

    expectError(await disable(), 403, 'no_open_help_request');
  });

  test("in answer to the user's own request to A, the admin of A turns 2FA off", async () => {
    const signingIn = browserOn(firmA.host);
    expect((await signingIn.post('/api/auth/login', credentialsOf(shared))).body).toEqual({ next: 'totp', methods: ['totp', 'passkey'], trustBrowserDays: 30 });
    expect((await signingIn.post('/api/auth/totp/help', { message: 'à A' })).status).toBe(202);
    expect(await confirmedHelp(shared)).toBe(firmA.name);

    expect((await disable()).status).toBe(204);
  });

  test("B's audit shows the event without naming A nor its admin", async () => {
    const audit = await adminBBrowser.get('/api/admin/audit');

    expect(audit.status).toBe(200);
    expect(audit.body).toEqual([
      { id: expect.any(String), at: expect.any(String), actor: null, action: 'mfa.disabled', target: expect.objectContaining({ id: shared.userId }), reason: null },
    ]);
    expect(audit.text).not.toContain(adminA.userId);
    expect(audit.text).not.toContain(adminA.email);
    expect(audit.text).not.toContain('Adrien');
    expect(audit.text).not.toContain('Firme A');
  });

  test("A's audit names its admin", async () => {
    const audit = await adminABrowser.get('/api/admin/audit');

    expect(audit.body).toEqual([
      expect.objectContaining({
        actor: expect.objectContaining({ id: adminA.userId }),
        target: expect.objectContaining({ id: shared.userId }),
        reason: 'Appel de Firme A',
      }),
    ]);
  });

  test('the mail to the user names the company and the admin', async () => {
    const mail = await mailbox.waitFor({ to: shared.email, subject: 'Authentification à deux facteurs désactivée' });

    expect(mail.text).toContain('Adrien Admin, administrateur de Firme A Conseil');
  });

  test("B, which does not require the code, is not mailed: its audit entry is all it hears (factor-off-privacy has those that require it)", () => {
    expect(mailbox.matching({ to: adminB.email, subject: /^Authentification à deux facteurs désactivée :/ })).toEqual([]);
    expect(mailbox.matching({ to: adminA.email, subject: /^Authentification à deux facteurs désactivée :/ })).toEqual([]);
  });
});
