import { expectError } from '../support/api-error';
import {
  Account,
  activeMember,
  addMember,
  Company,
  createAccount,
  createCompany,
  credentialsOf,
  easyAccessBrowser,
  enrolTotp,
  Member,
  signedInClient,
  signedInOnEasyAccess,
} from '../support/factories';
import { PortalClient } from '../support/portal-client';
import { codeForStep } from '../support/totp';

/**
 * Every page reads the user's view from the gateway's cache: a change made
 * anywhere shows on the very next request of every session, never after the
 * cache's safety expiry (ten minutes).
 */
describe('What the gateway caches follows every change at once', () => {
  let firm: Company;
  let household: Account;
  let business: Account;
  let admin: PortalClient;

  beforeAll(async () => {
    firm = await createCompany({ name: 'Lambert Expertise' });
    household = await createAccount(firm, 'Foyer Lambert');
    business = await createAccount(firm, 'SARL Lambert');
    admin = await signedInClient(firm, await activeMember(firm, { role: 'admin' }));
  });

  const bothAccounts = async (): Promise<{ member: Member; browser: PortalClient }> => {
    const member = await activeMember(firm, { accountIds: [household.id, business.id] });
    const browser = await signedInClient(firm, member);
    expect((await browser.get('/api/me')).body.accounts).toEqual([household, business].sort((a, b) => a.name.localeCompare(b.name)));
    return { member, browser };
  };

  test('an account access taken away is gone from the next page, and cannot be switched to', async () => {
    const { member, browser } = await bothAccounts();
    expect((await browser.post('/api/me/account', { accountId: business.id })).body.account).toEqual(business);

    expect((await admin.request('PUT', `/api/admin/clients/${member.userId}/accounts`, { json: { accountIds: [household.id] } })).status).toBe(204);

    const me = (await browser.get('/api/me')).body;
    expect(me.accounts).toEqual([household]);
    expect(me.account).toEqual(household);
    expectError(await browser.post('/api/me/account', { accountId: business.id }), 403, 'forbidden');
  });

  test('an account given shows on the next page', async () => {
    const member = await activeMember(firm, { accountIds: [household.id] });
    const browser = await signedInClient(firm, member);
    expect((await browser.get('/api/me')).body.accounts).toEqual([household]);

    expect((await admin.request('PUT', `/api/admin/clients/${member.userId}/accounts`, { json: { accountIds: [household.id, business.id] } })).status).toBe(204);

    expect((await browser.get('/api/me')).body.accounts).toHaveLength(2);
  });

  test('a new portal of the same email shows in every session at once (on the easy access host, which lists them all)', async () => {
    const member = await activeMember(firm);
    const browser = await signedInOnEasyAccess(firm, member);
    const otherFirm = await createCompany({ name: 'Garnier Avocats' });

    await addMember(otherFirm, { email: member.email, name: member.name });

    expect((await browser.get('/api/me')).body.portals.map((portal: { id: string }) => portal.id)).toContain(otherFirm.id);
  });

  // Turning 2FA on ends the other sessions (none passed the new factor): turning it off is the change another session sees.
  test('2FA turned off in one session shows in the other', async () => {
    const { member, browser } = await bothAccounts();
    const { secret, step } = await enrolTotp(browser);
    expect((await browser.get('/api/me')).body.user.totpEnabled).toBe(true);
    // On the easy access host, where the account's code changes.
    const laptop = easyAccessBrowser();
    expect((await laptop.post('/api/auth/login', credentialsOf(member))).body).toMatchObject({ next: 'totp' });
    expect((await laptop.post('/api/auth/totp', { code: codeForStep(secret, step) })).body).toMatchObject({ next: 'done' });

    expect((await laptop.delete('/api/me/totp', { json: { password: member.password } })).status).toBe(204);

    expect((await browser.get('/api/me')).body.user.totpEnabled).toBe(false);
  });

  test('an account of another company cannot be given: 400, and nothing changes', async () => {
    const { member, browser } = await bothAccounts();
    const elsewhere = await createAccount(await createCompany({ name: 'Roux Conseil' }), 'Foyer Roux');

    const refused = await admin.request('PUT', `/api/admin/clients/${member.userId}/accounts`, { json: { accountIds: [elsewhere.id] } });

    expectError(refused, 400, 'validation_failed');
    expect((await browser.get('/api/me')).body.accounts).toHaveLength(2);
  });

  test('a user of another company is no member here: 404, as for an unknown id', async () => {
    const stranger = await activeMember(await createCompany({ name: 'Blanc Audit' }));

    expectError(await admin.request('PUT', `/api/admin/clients/${stranger.userId}/accounts`, { json: { accountIds: [] } }), 404, 'not_found');
    expectError(await admin.request('PUT', '/api/admin/clients/not-a-user/accounts', { json: { accountIds: [] } }), 404, 'not_found');
  });
});
