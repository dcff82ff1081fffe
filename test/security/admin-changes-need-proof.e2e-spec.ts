import { expectError } from '../support/api-error';
import { activeMember, Company, createAccount, createCompany, Member, signedInClient, uniqueEmail } from '../support/factories';
import { PortalClient } from '../support/portal-client';
import { ageProofs } from '../support/session-clock';

/**
 * An admin's session left open, or its cookie stolen, is not enough to hand
 * a firm's client data to someone (inviting them, or granting accounts to a
 * member one controls), to take an invitation back, or to loosen the firm's
 * security settings: as for turning a client's 2FA off, the session must have
 * proved who is there in the last minutes.
 */
describe("An admin's changes that open or loosen the portal need a recent proof", () => {
  let firm: Company;
  let admin: Member;
  let adminBrowser: PortalClient;
  let accountId: string;
  let client: Member;
  let invitedId: string;

  beforeAll(async () => {
    firm = await createCompany({ name: 'Cabinet Laissé Ouvert' });
    accountId = (await createAccount(firm, 'Comptes de la SCI')).id;
    admin = await activeMember(firm, { role: 'admin', name: 'Paul Admin' });
    client = await activeMember(firm);
    adminBrowser = await signedInClient(firm, admin);
    const invited = await adminBrowser.post('/api/admin/clients', { email: uniqueEmail('invitee'), name: 'Inès Invitée', accountIds: [] });
    expect(invited.status).toBe(201);
    invitedId = invited.body.userId as string;
    // The firm's own choice, while the admin is there.
    expect((await adminBrowser.request('PATCH', '/api/admin/security', { json: { trustedBrowserDays: 7 } })).status).toBe(200);
    // Whoever finds the session open later: it proved nothing in the last minutes.
    await ageProofs(admin.userId, 6);
  });

  test.each([
    ['invite a client with an account', () => adminBrowser.post('/api/admin/clients', { email: uniqueEmail('mallory'), name: 'Mallory', accountIds: [accountId] })],
    ['grant an account to a member', () => adminBrowser.request('PUT', `/api/admin/clients/${client.userId}/accounts`, { json: { accountIds: [accountId] } })],
    ['withdraw an invitation', () => adminBrowser.request('DELETE', `/api/admin/clients/${invitedId}/invitation`)],
    ['remove a client', () => adminBrowser.request('DELETE', `/api/admin/clients/${client.userId}`)],
    ['loosen the security settings', () => adminBrowser.request('PATCH', '/api/admin/security', { json: { trustedBrowserDays: 30 } })],
  ])('%s: 403 reauthentication_required, and nothing changes', async (_what, change) => {
    expectError(await change(), 403, 'reauthentication_required');

    const clients = (await adminBrowser.get('/api/admin/clients')).body as { user: { id: string }; accounts: unknown[]; status: string }[];
    expect(clients.find((entry) => entry.user.id === client.userId)?.accounts).toEqual([]);
    expect(clients.find((entry) => entry.user.id === client.userId)?.status).toBe('member');
    expect(clients.some((entry) => entry.user.id === invitedId)).toBe(true);
    expect((await adminBrowser.get('/api/admin/security')).body.trustedBrowserDays).toBe(7);
  });

  test('with the password proved again, the admin grants the account', async () => {
    expect((await adminBrowser.post('/api/me/reauthenticate', { password: admin.password })).status).toBe(204);

    expect((await adminBrowser.request('PUT', `/api/admin/clients/${client.userId}/accounts`, { json: { accountIds: [accountId] } })).status).toBe(204);
  });
});
