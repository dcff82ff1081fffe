import { activeMember, addMember, Company, createAccount, createCompany, Member, signedInClient, uniqueEmail } from '../support/factories';
import { PortalClient } from '../support/portal-client';

interface Entry {
  actor: { name: string } | null;
  action: string;
  target: { id: string; name: string } | null;
  reason: string | null;
}

/**
 * An admin (or whoever holds an admin's session) grants a firm's client
 * accounts to someone, reads them, and takes them back: the other admins
 * must be able to see it afterwards. Invitations, grants and withdrawals are
 * in the company's audit trail, naming people as this company typed them.
 */
describe("An admin's grants are in the company's audit trail", () => {
  let firm: Company;
  let admin: Member;
  let adminBrowser: PortalClient;
  let otherAdminBrowser: PortalClient;
  let account: { id: string; name: string };

  const trail = async (): Promise<Entry[]> => (await otherAdminBrowser.get('/api/admin/audit')).body as Entry[];

  beforeAll(async () => {
    firm = await createCompany({ name: 'Cabinet Traçable' });
    account = await createAccount(firm, 'Comptes de la SCI Lilas');
    admin = await activeMember(firm, { role: 'admin', name: 'Paul Prêteur' });
    adminBrowser = await signedInClient(firm, admin);
    otherAdminBrowser = await signedInClient(firm, await activeMember(firm, { role: 'admin', name: 'Odile Veille' }));
  });

  test('accounts granted to a member, then taken back: two entries, with the accounts named', async () => {
    const accomplice = await activeMember(firm, { name: 'Marc Complice' });

    const grant = (accountIds: string[]) => adminBrowser.request('PUT', `/api/admin/clients/${accomplice.userId}/accounts`, { json: { accountIds } });
    expect((await grant([account.id])).status).toBe(204);
    // The same set again changes nothing, and writes nothing: repeated, it would push the others out of the trail's latest entries.
    expect((await grant([account.id])).status).toBe(204);
    expect((await grant([])).status).toBe(204);

    const entries = (await trail()).filter((entry) => entry.target?.id === accomplice.userId);
    expect(entries.map(({ actor, action, target, reason }) => ({ actor: actor?.name, action, target: target?.name, reason }))).toEqual([
      { actor: 'Paul Prêteur', action: 'member.accounts_changed', target: 'Marc Complice', reason: null },
      { actor: 'Paul Prêteur', action: 'member.accounts_changed', target: 'Marc Complice', reason: 'Comptes de la SCI Lilas' },
    ]);
  });

  test("an invitation and its withdrawal, naming her as this company typed her, never as another firm did", async () => {
    const otherFirm = await createCompany({ name: 'Cabinet Premier' });
    const claire = await addMember(otherFirm, { email: uniqueEmail('claire'), name: 'Claire (dossier divorce)' });
    const invited = await adminBrowser.post('/api/admin/clients', { email: claire.email, name: 'Claire Lilas', accountIds: [account.id] });
    expect(invited.status).toBe(201);
    // Invited again under another name: the company's lists keep the first, and so does the trail.
    expect((await adminBrowser.post('/api/admin/clients', { email: claire.email, name: 'Claire L.', accountIds: [] })).status).toBe(201);

    expect((await adminBrowser.request('DELETE', `/api/admin/clients/${claire.userId}/invitation`)).status).toBe(204);

    const entries = (await trail()).filter((entry) => entry.target?.id === claire.userId);
    expect(entries.map(({ actor, action, target, reason }) => ({ actor: actor?.name, action, target: target?.name, reason }))).toEqual([
      { actor: 'Paul Prêteur', action: 'member.invitation_withdrawn', target: 'Claire Lilas', reason: null },
      { actor: 'Paul Prêteur', action: 'member.invited', target: 'Claire Lilas', reason: null },
      { actor: 'Paul Prêteur', action: 'member.invited', target: 'Claire Lilas', reason: 'Comptes de la SCI Lilas' },
    ]);
  });
});
