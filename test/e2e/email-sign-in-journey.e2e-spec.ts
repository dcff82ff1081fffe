import { expectError } from '../support/api-error';
import {
  Account,
  addMember,
  browserOn,
  Company,
  createAccount,
  createCompany,
  easyAccessBrowser,
  signedInClient,
  strongPassword,
  uniqueEmail,
} from '../support/factories';
import { Mailbox, tokenOf } from '../support/mailbox';
import { PortalResponse } from '../support/portal-client';
import { sharedGateway } from '../support/run-context';

/** The journey of the help page: from the operator's set-up to a client switching accounts and signing out. */
describe('Signing in with an email and a password', () => {
  const mailbox = new Mailbox();
  const { port } = sharedGateway();
  const portalOf = (company: Company) => ({ id: company.id, name: company.name, url: `http://${company.host}:${port}` });

  let firm: Company;
  let otherFirm: Company;
  let household: Account;
  let business: Account;
  let personal: Account;
  const claire = { email: uniqueEmail('claire'), password: strongPassword() };

  beforeAll(async () => {
    firm = await createCompany({ name: 'Durand Expertise', hostCount: 2 });
    otherFirm = await createCompany({ name: 'Cabinet Martin' });
    household = await createAccount(firm, 'Foyer Durand');
    business = await createAccount(firm, 'SARL Durand');
    personal = await createAccount(otherFirm, 'Claire Durand');
    await addMember(firm, { email: claire.email, name: 'Claire Durand', accountIds: [household.id, business.id] });
    await addMember(otherFirm, { email: claire.email, name: 'Claire Durand', accountIds: [personal.id] });
  });

  test('the client gets an invitation from each company, naming its own portal, activates from one, and accepts the other by its new mail', async () => {
    const fromFirm = await mailbox.waitFor({ to: claire.email, containing: `${firm.name} vous invite` });
    const fromOtherFirm = await mailbox.waitFor({ to: claire.email, containing: `${otherFirm.name} vous invite` });
    expect(fromFirm.text).toContain(`http://${firm.host}:${port}`);
    expect(fromOtherFirm.text).toContain(`http://${otherFirm.host}:${port}`);
    const first = mailbox.linkIn(fromFirm, '/activate/');
    const second = mailbox.linkIn(fromOtherFirm, '/activate/');

    const activation = await browserOn(firm.host).post('/api/auth/activate', { token: tokenOf(first), password: claire.password });
    // Once activated, the other invitation's link is spent too: it cannot set the password again.
    const again = await browserOn(otherFirm.host).post('/api/auth/activate', { token: tokenOf(second), password: 'Another-Password-2026' });

    expect(activation.status).toBe(204);
    expectError(again, 400, 'invalid_token');
    // Activating joined the firm whose link it was; the other asks again, as anyone with an account is asked.
    const acceptance = await mailbox.waitFor({ to: claire.email, containing: `${otherFirm.name} vous invite sur son portail client, avec le compte` });
    const accepted = await browserOn(otherFirm.host).post('/api/invitations/accept', { token: tokenOf(mailbox.linkIn(acceptance, '/invitation/')) });
    expect(accepted.status).toBe(204);
  });

  describe('on the easy access host, with two portals', () => {
    const browser = easyAccessBrowser();
    let me: PortalResponse;

    test('there is no sign-in in progress before the password', async () => {
      const state = await browser.get('/api/auth/state');

      expectError(state, 401, 'unauthenticated');
    });

    test('the client chooses a portal after the password', async () => {
      const login = await browser.post('/api/auth/login', claire);

      expect(login.status).toBe(200);
      expect(login.body).toEqual({ next: 'select_portal', portals: expect.arrayContaining([portalOf(firm), portalOf(otherFirm)]) });
      expect(login.body.portals).toHaveLength(2);
      expect((await browser.get('/api/auth/state')).body).toEqual({ next: 'select_portal', portals: login.body.portals });
    });

    test('choosing a portal signs in', async () => {
      const choice = await browser.post('/api/auth/portal', { portalId: firm.id });

      expect(choice.status).toBe(200);
      expect(choice.body).toMatchObject({ next: 'done', me: { portal: portalOf(firm) } });
      expect((await browser.get('/api/auth/state')).body).toEqual({ next: 'done' });
    });

    test('the client sees the portal, the active account and the account banner', async () => {
      me = await browser.get('/api/me');

      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({
        user: { id: expect.any(String), email: claire.email, name: 'Claire Durand', totpEnabled: false },
        role: 'client',
        portal: portalOf(firm),
        portals: expect.arrayContaining([portalOf(firm), portalOf(otherFirm)]),
        accounts: expect.arrayContaining([household, business]),
        banner: { dismissed: false },
      });
      expect(me.body.accounts).toHaveLength(2);
      expect([household, business]).toContainEqual(me.body.account);
      expect(me.body.banner.account).toEqual(me.body.account);
    });

    test('the client dismisses the banner', async () => {
      const dismissed = await browser.post('/api/me/banner/dismiss');

      expect(dismissed.status).toBe(204);
      expect((await browser.get('/api/me')).body.banner).toEqual({ account: me.body.account, dismissed: true });
    });

    test('the client switches account and the banner stays dismissed', async () => {
      const other = me.body.account.id === household.id ? business : household;

      const switched = await browser.post('/api/me/account', { accountId: other.id });

      expect(switched.status).toBe(200);
      expect(switched.body).toMatchObject({ account: other, banner: { account: other, dismissed: true } });
      expect((await browser.get('/api/me')).body.account).toEqual(other);
    });

    test('after logging out the client is signed out', async () => {
      const logout = await browser.post('/api/auth/logout');

      expect(logout.status).toBe(204);
      const after = await browser.get('/api/me');
      expectError(after, 401, 'unauthenticated');
    });

    test('signing in again brings the banner back', async () => {
      await browser.post('/api/auth/login', claire);
      await browser.post('/api/auth/portal', { portalId: firm.id });

      const again = await browser.get('/api/me');

      expect(again.status).toBe(200);
      expect(again.body.banner).toMatchObject({ dismissed: false });
    });
  });

  test("on a company's own host the sign-in ends at once, without a choice", async () => {
    const browser = browserOn(otherFirm.host);

    const login = await browser.post('/api/auth/login', claire);

    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({ next: 'done', me: { portal: portalOf(otherFirm), account: personal, banner: null } });
  });

  test("on the company's second host the portal is the same company", async () => {
    const browser = browserOn(firm.hosts[1]);

    const login = await browser.post('/api/auth/login', claire);

    expect(login.body).toMatchObject({ next: 'done', me: { portal: { id: firm.id } } });
  });

  test('the session cookie is HttpOnly and SameSite=Lax, and a new one is issued when the password is accepted', async () => {
    const browser = await signedInClient(firm, claire);
    const before = browser.sessionCookie();

    await browser.post('/api/auth/login', claire);
    const after = browser.sessionCookie();

    expect(before).toMatchObject({ httpOnly: true, sameSite: expect.stringMatching(/^lax$/i) });
    expect(after).toMatchObject({ httpOnly: true, sameSite: expect.stringMatching(/^lax$/i) });
    expect(after?.value).not.toBe(before?.value);
  });
});
