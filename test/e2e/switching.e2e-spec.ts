import { expectError } from '../support/api-error';
import { Account, activeMember, addMember, Company, createAccount, createCompany, Member, signedInOnEasyAccess } from '../support/factories';
import { PortalClient } from '../support/portal-client';

describe('A client switches portal and account', () => {
  let firm: Company;
  let otherFirm: Company;
  let strangerFirm: Company;
  let household: Account;
  let notHers: Account;
  let elsewhere: Account;
  let member: Member;
  let browser: PortalClient;

  beforeAll(async () => {
    firm = await createCompany({ name: 'Fournier Fiduciaire' });
    otherFirm = await createCompany({ name: 'Mercier Notaires' });
    strangerFirm = await createCompany({ name: 'Girard Audit' });
    household = await createAccount(firm, 'Foyer Blanc');
    notHers = await createAccount(firm, 'Foyer Voisin');
    elsewhere = await createAccount(otherFirm, 'SCI Blanc');
    member = await activeMember(firm, { accountIds: [household.id] });
    await addMember(otherFirm, { email: member.email, name: member.name, accountIds: [elsewhere.id] });
    // Portals are switched on the easy access host: a company's host sees only its own.
    browser = await signedInOnEasyAccess(firm, member);
  });

  test('to another company of the same email: 200 with that portal', async () => {
    const switched = await browser.post('/api/me/portal', { portalId: otherFirm.id });

    expect(switched.status).toBe(200);
    expect(switched.body).toMatchObject({ portal: { id: otherFirm.id, name: otherFirm.name }, account: elsewhere });
    expect((await browser.get('/api/me')).body.portal.id).toBe(otherFirm.id);
  });

  test('to a company the client is no member of: 403', async () => {
    const switched = await browser.post('/api/me/portal', { portalId: strangerFirm.id });

    expectError(switched, 403, 'forbidden');
  });

  test('back to the first company and to its account: 200', async () => {
    await browser.post('/api/me/portal', { portalId: firm.id });

    const switched = await browser.post('/api/me/account', { accountId: household.id });

    expect(switched.status).toBe(200);
    expect(switched.body).toMatchObject({ portal: { id: firm.id }, account: household, accounts: [household] });
  });

  test.each([
    ['an account of the company the client has no access to', () => notHers.id],
    ['an account of another company', () => elsewhere.id],
  ])('to %s: 403', async (_case, accountId) => {
    const switched = await browser.post('/api/me/account', { accountId: accountId() });

    expectError(switched, 403, 'forbidden');
    expect((await browser.get('/api/me')).body.account).toEqual(household);
  });
});
