import { expectError } from '../support/api-error';
import { activeMember, askedForHelp, browserOn, Company, createCompany, credentialsOf, Member, memberWithTotp, signedInClient, TotpMember } from '../support/factories';
import { PortalClient } from '../support/portal-client';
import { ageProofs } from '../support/session-clock';

/**
 * Turning a client's 2FA off is how accounts are taken over through a help
 * desk. The attacker holds the admin's session cookie (a computer left open,
 * a stolen cookie) long after the admin proved who they were: that must not
 * be enough to strip a client of their second factor.
 */
describe("An admin's session turns a client's 2FA off only with a recent proof", () => {
  let firm: Company;
  let admin: Member;
  let adminBrowser: PortalClient;
  let client: TotpMember;

  const disable = () => adminBrowser.post(`/api/admin/users/${client.userId}/mfa/disable`, { reason: 'Téléphone perdu' });
  const codeAskedOfClient = async () => (await browserOn(firm.host).post('/api/auth/login', credentialsOf(client))).body.next === 'totp';

  beforeAll(async () => {
    firm = await createCompany({ name: 'Morel Expertise' });
    admin = await activeMember(firm, { role: 'admin', name: 'Hugo Morel' });
    client = await memberWithTotp(firm, { name: 'Inès Client' });
    await askedForHelp(firm, client);
    adminBrowser = await signedInClient(firm, admin);
  });

  test('a session that proved nothing for 6 minutes: 403 reauthentication_required, and the factor stays', async () => {
    expect(await ageProofs(admin.userId, 6)).toBeGreaterThan(0);

    expectError(await disable(), 403, 'reauthentication_required');
    expect(await codeAskedOfClient()).toBe(true);
  });

  test('once the admin proved it again, the factor goes', async () => {
    expect((await adminBrowser.post('/api/me/reauthenticate', { password: admin.password })).status).toBe(204);

    expect((await disable()).status).toBe(204);
    expect(await codeAskedOfClient()).toBe(false);
  });
});
