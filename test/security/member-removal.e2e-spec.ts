import { expectError } from '../support/api-error';
import {
  activeMember,
  addMember,
  askedForHelp,
  Company,
  createAccount,
  createCompany,
  credentialsOf,
  memberWithTotp,
  Member,
  operatorClient,
  signedInClient,
  uniqueEmail,
  browserOn,
} from '../support/factories';
import { MobileApp } from '../support/mobile-app';
import { queryDatabase } from '../support/outage-checks';
import { PortalClient } from '../support/portal-client';
import { currentRun } from '../support/run-context';

/**
 * A client leaves the firm: until now its admin could take her accounts away
 * but not her place in the portal, which she kept opening, in the browser and
 * in the app, for as long as she liked. The admin removes her; nothing of the
 * firm reaches her any more, and nothing changes at her other firms.
 */
describe('An admin removes a client who left the firm', () => {
  let firm: Company;
  let otherFirm: Company;
  let adminBrowser: PortalClient;
  let admin: Member;
  let otherAdminBrowser: PortalClient;

  beforeAll(async () => {
    firm = await createCompany({ name: 'Cabinet Séparé' });
    otherFirm = await createCompany({ name: 'Cabinet Fidèle' });
    admin = await activeMember(firm, { role: 'admin', name: 'Adèle Admin' });
    adminBrowser = await signedInClient(firm, admin);
    otherAdminBrowser = await signedInClient(otherFirm, await activeMember(otherFirm, { role: 'admin', name: 'Odile Admin' }));
  });

  const remove = (by: PortalClient, userId: string) => by.request('DELETE', `/api/admin/clients/${userId}`);
  const listed = async (by: PortalClient, userId: string) =>
    ((await by.get('/api/admin/clients')).body as { user: { id: string } }[]).some((entry) => entry.user.id === userId);

  test('her sessions there end at once, she cannot sign in there again, and her other firm is untouched', async () => {
    const accountId = (await createAccount(firm, 'SCI du Départ')).id;
    const claire = await activeMember(firm, { name: 'Claire Partie', accountIds: [accountId] });
    await addMember(otherFirm, { email: claire.email });
    const herBrowser = await signedInClient(firm, claire);
    const herOtherBrowser = await signedInClient(otherFirm, claire);

    expect((await remove(adminBrowser, claire.userId)).status).toBe(204);

    // A route that reads no portal: the session itself is gone.
    expectError(await herBrowser.get('/api/me/sessions'), 401, 'unauthenticated');
    expectError(await herBrowser.get('/api/me'), 401, 'unauthenticated');
    expectError(await browserOn(firm.host).post('/api/auth/login', credentialsOf(claire)), 401, 'invalid_credentials');
    expect(await listed(adminBrowser, claire.userId)).toBe(false);
    expect((await herOtherBrowser.get('/api/me')).status).toBe(200);
    const audit = (await adminBrowser.get('/api/admin/audit')).body as { action: string; target: { id: string; name: string }; reason: string | null }[];
    expect(audit[0]).toMatchObject({ action: 'member.removed', target: { id: claire.userId, name: 'Claire Partie' }, reason: 'SCI du Départ' });
  });

  test("the trail's older entries about her keep naming her as this firm did, never as her other firm typed her", async () => {
    const claire = await activeMember(otherFirm, { name: 'Claire (dossier Fidèle)' });
    await addMember(firm, { email: claire.email, name: 'Claire Lilas' });
    // An entry written before the trail kept names, as mfa.disabled and account.not_me entries still are.
    await queryDatabase(
      currentRun().databaseUrl,
      `insert into tenancy.audit_entries (id, company_id, at, actor_user_id, action, target_user_id, reason)
         values (gen_random_uuid(), '${firm.id}', now() - interval '1 day', null, 'mfa.disabled', '${claire.userId}', null)`,
    );

    expect((await remove(adminBrowser, claire.userId)).status).toBe(204);

    const audit = (await adminBrowser.get('/api/admin/audit')).body as { action: string; target: { id: string; name: string } | null }[];
    const names = audit.filter((entry) => entry.target?.id === claire.userId).map((entry) => [entry.action, entry.target?.name]);
    expect(names).toEqual([
      ['member.removed', 'Claire Lilas'],
      ['mfa.disabled', 'Claire Lilas'],
    ]);
  });

  test('invited again, she is only invited until she accepts: the removal is not undone behind her back', async () => {
    const claire = await activeMember(firm);
    expect((await remove(adminBrowser, claire.userId)).status).toBe(204);

    expect((await adminBrowser.post('/api/admin/clients', { email: claire.email, name: 'Claire', accountIds: [] })).status).toBe(201);

    const clients = (await adminBrowser.get('/api/admin/clients')).body as { user: { id: string }; status: string }[];
    expect(clients.find((entry) => entry.user.id === claire.userId)?.status).toBe('invited');
    expectError(await browserOn(firm.host).post('/api/auth/login', credentialsOf(claire)), 401, 'invalid_credentials');
  });

  test('her app, which opened the firm last, unlocks into her other firm', async () => {
    const claire = await activeMember(firm);
    await addMember(otherFirm, { email: claire.email });
    const app = new MobileApp();
    await app.signIn(credentialsOf(claire), '4826');
    expect((await app.post('/api/me/portal', { portalId: firm.id })).status).toBe(200);

    expect((await remove(adminBrowser, claire.userId)).status).toBe(204);

    expectError(await app.get('/api/me'), 401, 'unauthenticated');
    const unlocked = await app.unlockWithPin('4826');
    expect(unlocked.status).toBe(200);
    expect(unlocked.body.next).toBe('done');
    expect((unlocked.body.portals as { id: string }[]).map((portal) => portal.id)).toEqual([otherFirm.id]);
    expect((await app.get('/api/me')).body.portal.id).toBe(otherFirm.id);
  });

  test('her open "no access to the app" request leaves the admins\' list with her', async () => {
    const claire = await memberWithTotp(firm);
    await askedForHelp(firm, claire);
    const requests = async () => ((await adminBrowser.get('/api/admin/mfa-requests')).body as { user: { id: string } }[]).map((request) => request.user.id);
    expect(await requests()).toContain(claire.userId);

    expect((await remove(adminBrowser, claire.userId)).status).toBe(204);

    expect(await requests()).not.toContain(claire.userId);
  });

  test('invited again, a request of hers still open from before (a race with the removal) gives no standing until she rejoins', async () => {
    const claire = await memberWithTotp(firm);
    await askedForHelp(firm, claire);
    expect((await remove(adminBrowser, claire.userId)).status).toBe(204);
    // What her request opened at the moment of the removal leaves: still open, confirmed, after the removal closed the others.
    await queryDatabase(
      currentRun().databaseUrl,
      `update tenancy.help_requests set closed_at = null, closed_by = null where user_id = '${claire.userId}' and company_id = '${firm.id}'`,
    );
    expect((await adminBrowser.post('/api/admin/clients', { email: claire.email, name: 'Claire', accountIds: [] })).status).toBe(201);

    expectError(await adminBrowser.post(`/api/admin/users/${claire.userId}/mfa/disable`, { reason: 'Appel' }), 403, 'no_open_help_request');
  });

  test("another firm cannot remove her: 404, as for anyone who is not its client, and she stays", async () => {
    const claire = await activeMember(firm);

    expectError(await remove(otherAdminBrowser, claire.userId), 404, 'not_found');
    expectError(await remove(adminBrowser, 'not-an-id'), 404, 'not_found');

    expect(await listed(adminBrowser, claire.userId)).toBe(true);
    expect((await signedInClient(firm, claire).then((browser) => browser.get('/api/me'))).status).toBe(200);
  });

  test('a client may not remove anyone: 403', async () => {
    const claire = await activeMember(firm);
    const mallory = await signedInClient(firm, await activeMember(firm));

    expectError(await remove(mallory, claire.userId), 403, 'forbidden');
    expect(await listed(adminBrowser, claire.userId)).toBe(true);
  });

  test("an admin, herself included, is not removed here: 403, the operator names a firm's admins", async () => {
    const otherAdmin = await activeMember(firm, { role: 'admin' });

    expectError(await remove(adminBrowser, otherAdmin.userId), 403, 'forbidden');
    expectError(await remove(adminBrowser, admin.userId), 403, 'forbidden');
    expect(await listed(adminBrowser, otherAdmin.userId)).toBe(true);
  });

  test("nor one who joined as her client before the operator named him admin: the operator's naming stands", async () => {
    const bastien = await activeMember(firm, { name: 'Bastien Client' });
    expect((await operatorClient().post(`/api/operator/companies/${firm.id}/members`, { email: bastien.email, name: 'Bastien Admin', role: 'admin' })).status).toBe(201);

    expectError(await remove(adminBrowser, bastien.userId), 403, 'forbidden');
    const clients = (await adminBrowser.get('/api/admin/clients')).body as { user: { id: string }; role: string }[];
    expect(clients.find((entry) => entry.user.id === bastien.userId)?.role).toBe('admin');
  });

  test('someone only invited, whether or not she has an account, is 409: her invitation is withdrawn instead', async () => {
    const invited = await adminBrowser.post('/api/admin/clients', { email: uniqueEmail('ines.invitee'), name: 'Inès Invitée', accountIds: [] });
    const invitedId = invited.body.userId as string;
    const legacy = await adminBrowser.post('/api/admin/clients', { email: uniqueEmail('ines.ancienne'), name: 'Inès Ancienne', accountIds: [] });
    const legacyId = legacy.body.userId as string;
    // As the company's adding made it until 2026-12-06: a membership at once, not activated.
    await queryDatabase(
      currentRun().databaseUrl,
      `insert into tenancy.memberships (id, company_id, user_id, role, invited_name, created_at)
         select gen_random_uuid(), company_id, user_id, role, invited_name, now() from tenancy.invitations where user_id = '${legacyId}';
       delete from tenancy.invitations where user_id = '${legacyId}'`,
    );

    expectError(await remove(adminBrowser, invitedId), 409, 'conflict');
    expectError(await remove(adminBrowser, legacyId), 409, 'conflict');
    expect(await listed(adminBrowser, invitedId)).toBe(true);
    expect(await listed(adminBrowser, legacyId)).toBe(true);
  });
});
