import { expectError } from '../support/api-error';
import { activeMember, browserOn, Company, createCompany, credentialsOf, inviteMember, Member, signedInClient, uniqueEmail } from '../support/factories';
import { Mailbox, tokenOf } from '../support/mailbox';
import { queryDatabase } from '../support/outage-checks';
import { PortalClient } from '../support/portal-client';
import { currentRun } from '../support/run-context';

/**
 * An admin mistypes a client's address, and whoever holds the mistyped one
 * could join the firm's portal weeks later: an invitation has no deadline
 * through Google or a new user's activation. The admin takes it back; the
 * link, whoever clicks it, then joins nothing.
 */
describe("An admin withdraws an invitation nobody answered", () => {
  const mailbox = new Mailbox();
  let firm: Company;
  let otherFirm: Company;
  let adminBrowser: PortalClient;
  let otherAdminBrowser: PortalClient;

  beforeAll(async () => {
    firm = await createCompany({ name: 'Cabinet Coquille' });
    otherFirm = await createCompany({ name: 'Cabinet Voisin' });
    adminBrowser = await signedInClient(firm, await activeMember(firm, { role: 'admin', name: 'Adèle Admin' }));
    otherAdminBrowser = await signedInClient(otherFirm, await activeMember(otherFirm, { role: 'admin', name: 'Odile Admin' }));
  });

  const invite = async (admin: PortalClient, email: string): Promise<string> => {
    const invited = await admin.post('/api/admin/clients', { email, name: 'Claire Coquille', accountIds: [] });
    expect(invited.status).toBe(201);
    return invited.body.userId as string;
  };
  const withdraw = (admin: PortalClient, userId: string) => admin.request('DELETE', `/api/admin/clients/${userId}/invitation`);
  const listed = async (admin: PortalClient, userId: string) =>
    ((await admin.get('/api/admin/clients')).body as { user: { id: string } }[]).some((entry) => entry.user.id === userId);

  test('a new address: its activation link then opens an account that joins no portal, and the person leaves the list', async () => {
    const email = uniqueEmail('claire.coquile');
    const userId = await invite(adminBrowser, email);
    const mail = await mailbox.waitFor({ to: email, containing: '/activate/' });

    expect((await withdraw(adminBrowser, userId)).status).toBe(204);

    expect(await listed(adminBrowser, userId)).toBe(false);
    const password = 'Typo-holder-password-41';
    const activated = await browserOn(firm.host).post('/api/auth/activate', { token: tokenOf(mailbox.linkIn(mail, '/activate/')), password });
    // Identity's account is hers to activate; it opens no portal.
    expect(activated.status).toBe(204);
    expectError(await browserOn(firm.host).post('/api/auth/login', { email, password }), 401, 'invalid_credentials');
  });

  test('an address that already has an account: its acceptance link is 400 invalid_token', async () => {
    const claire: Member = await activeMember(otherFirm);
    const userId = await invite(adminBrowser, claire.email);
    const mail = await mailbox.waitFor({ to: claire.email, containing: '/invitation/' });

    expect((await withdraw(adminBrowser, userId)).status).toBe(204);

    expectError(await browserOn(firm.host).post('/api/invitations/accept', { token: tokenOf(mailbox.linkIn(mail, '/invitation/')) }), 400, 'invalid_token');
    expect(await listed(adminBrowser, userId)).toBe(false);
    expectError(await browserOn(firm.host).post('/api/auth/login', credentialsOf(claire)), 401, 'invalid_credentials');
  });

  test("another firm cannot withdraw it: 404, as for anyone it did not invite, and the invitation still works", async () => {
    const claire: Member = await activeMember(await createCompany({ name: 'Cabinet Tiers' }));
    const userId = await invite(adminBrowser, claire.email);
    const mail = await mailbox.waitFor({ to: claire.email, containing: '/invitation/' });

    expectError(await withdraw(otherAdminBrowser, userId), 404, 'not_found');

    expect(await listed(adminBrowser, userId)).toBe(true);
    expect((await browserOn(firm.host).post('/api/invitations/accept', { token: tokenOf(mailbox.linkIn(mail, '/invitation/')) })).status).toBe(204);
  });

  test('a new address added before invitations (a membership, not yet activated) is withdrawn as any invitation: the same answer', async () => {
    const email = uniqueEmail('claire.ancienne');
    const userId = await invite(adminBrowser, email);
    // As the company's adding made it until 2026-12-06: a membership at once, no invitation.
    await queryDatabase(
      currentRun().databaseUrl,
      `insert into tenancy.memberships (id, company_id, user_id, role, invited_name, created_at)
         select gen_random_uuid(), company_id, user_id, role, invited_name, now() from tenancy.invitations where user_id = '${userId}';
       delete from tenancy.invitations where user_id = '${userId}'`,
    );
    expect(await listed(adminBrowser, userId)).toBe(true);

    expect((await withdraw(adminBrowser, userId)).status).toBe(204);

    expect(await listed(adminBrowser, userId)).toBe(false);
  });

  test('a person who answered is a member: 409 conflict, and she stays', async () => {
    const member = await activeMember(firm);

    expectError(await withdraw(adminBrowser, member.userId), 409, 'conflict');
    expectError(await withdraw(adminBrowser, 'not-an-id'), 404, 'not_found');
    expect(await listed(adminBrowser, member.userId)).toBe(true);
  });

  test("the operator's invitation of another admin is not an admin's to withdraw: 403, and it still works", async () => {
    // The firm's admins are named by the operator: one admin must not stay the only one by dropping the next.
    const newAdmin = await inviteMember(firm, { email: uniqueEmail('second.admin'), role: 'admin', name: 'Bastien Admin' });

    expectError(await withdraw(adminBrowser, newAdmin.userId), 403, 'forbidden');

    expect(await listed(adminBrowser, newAdmin.userId)).toBe(true);
    const password = 'Second-admin-password-58';
    expect((await browserOn(firm.host).post('/api/auth/activate', { token: newAdmin.token, password })).status).toBe(204);
    expect((await browserOn(firm.host).post('/api/auth/login', { email: newAdmin.email, password })).body.next).toBe('done');
  });

  test("nor once she invited him as a client first: the operator's naming him admin stands", async () => {
    const email = uniqueEmail('third.admin');
    await invite(adminBrowser, email);
    const newAdmin = await inviteMember(firm, { email, role: 'admin', name: 'Bastien Admin' });

    expectError(await withdraw(adminBrowser, newAdmin.userId), 403, 'forbidden');

    const clients = (await adminBrowser.get('/api/admin/clients')).body as { user: { id: string }; role: string }[];
    expect(clients.find((entry) => entry.user.id === newAdmin.userId)?.role).toBe('admin');
  });

  test('a client may not withdraw anything: 403', async () => {
    const client = await activeMember(firm);
    const clientBrowser = await signedInClient(firm, client);
    const invitedId = await invite(adminBrowser, uniqueEmail('someone.else'));

    expectError(await withdraw(clientBrowser, invitedId), 403, 'forbidden');
    expect(await listed(adminBrowser, invitedId)).toBe(true);
  });
});
