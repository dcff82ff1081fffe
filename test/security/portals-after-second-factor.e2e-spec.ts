import {
  activeMember,
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
import { Mailbox, tokenOf } from '../support/mailbox';
import { anotherMachineAddress, PortalClient, PortalResponse } from '../support/portal-client';
import { sharedGateway } from '../support/run-context';

/**
 * Firm B serves its own host: it may show its own sign-in page there and
 * keep the password a shared client types. With it, B's people try the easy
 * access host, where a client of several firms chooses among them: the list
 * would name every other firm of the client, which B must never learn from a
 * password alone. A client who turned the app's code on gives it before the
 * list is shown, as the app already asks it before its choice of company.
 */
describe('The portals of a client with 2FA, on the easy access host', () => {
  let firmA: Company;
  let firmB: Company;
  let adminA: PortalClient;
  let adminB: PortalClient;
  let claire: TotpMember;
  const mailbox = new Mailbox();

  /** Each browser at its own address: the per-address sign-in limit is not what this tests. */
  const easyAccess = (): PortalClient => browserOn(sharedGateway().easyAccessHost, undefined, { sourceAddress: anotherMachineAddress() });
  const login = (browser: PortalClient): Promise<PortalResponse> => browser.post('/api/auth/login', credentialsOf(claire));
  const codeStep = (browser: PortalClient, trustBrowser = false): Promise<PortalResponse> =>
    browser.post('/api/auth/totp', { recoveryCode: claire.recoveryCodes.pop(), trustBrowser });
  /** Whatever names firm A: its name, its host or its id. */
  const namesFirmA = (answer: PortalResponse): boolean => [firmA.name, firmA.host, firmA.id].some((mark) => answer.text.includes(mark));

  const adminOf = async (company: Company): Promise<PortalClient> => signedInClient(company, await activeMember(company, { role: 'admin' }));
  const asksForHelp = async (admin: PortalClient): Promise<boolean> =>
    ((await admin.get('/api/admin/mfa-requests')).body as { user: { id: string } }[]).some((request) => request.user.id === claire.userId);

  beforeAll(async () => {
    firmA = await createCompany({ name: 'Cabinet Alpha Discret' });
    firmB = await createCompany({ name: 'Cabinet Bravo Curieux' });
    claire = await memberWithTotp(firmA, { name: 'Claire Deux-Firmes' });
    await addMember(firmB, { email: claire.email, name: claire.name });
    [adminA, adminB] = await Promise.all([adminOf(firmA), adminOf(firmB)]);
  });

  test('the password alone is answered with the code step, naming no firm; the state of the sign-in neither', async () => {
    const mallory = easyAccess();

    const answer = await login(mallory);

    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ next: 'totp' });
    expect(namesFirmA(answer)).toBe(false);
    const state = await mallory.get('/api/auth/state');
    expect(state.body).toMatchObject({ next: 'totp' });
    expect(namesFirmA(state)).toBe(false);
  });

  test('the choice waits for the code: choosing a portal at the code step is refused', async () => {
    const mallory = easyAccess();
    await login(mallory);

    const chosen = await mallory.post('/api/auth/portal', { portalId: firmA.id });

    expect(chosen.status).toBe(409);
    expect(chosen.body.error).toBe('no_login_in_progress');
  });

  test('with the code, Claire chooses among her portals and enters the one she chose', async () => {
    const browser = easyAccess();
    await login(browser);

    const afterCode = await codeStep(browser);

    expect(afterCode.body).toEqual({
      next: 'select_portal',
      portals: expect.arrayContaining([expect.objectContaining({ id: firmA.id }), expect.objectContaining({ id: firmB.id })]),
    });
    const entered = await browser.post('/api/auth/portal', { portalId: firmB.id });
    expect(entered.body).toMatchObject({ next: 'done', me: { portal: { id: firmB.id } } });
  });

  test('"no access to the app" there reaches the admins of each of her firms', async () => {
    const browser = easyAccess();
    await login(browser);

    expect((await browser.post('/api/auth/totp/help', { message: 'Téléphone perdu' })).status).toBe(202);
    // One link per firm, each naming its own: confirmed from Claire's mailbox.
    const links = await Promise.all(
      [firmA, firmB].map(async (firm) => mailbox.linkIn(await mailbox.waitFor({ to: claire.email, subject: 'Confirmez votre demande d’aide', containing: firm.name }), '/help-request/')),
    );
    for (const link of links) expect((await browser.post('/api/auth/totp/help/confirm', { token: tokenOf(link) })).status).toBe(200);

    expect(await asksForHelp(adminA)).toBe(true);
    expect(await asksForHelp(adminB)).toBe(true);
  });

  test('"don\'t ask again" there spares the code on this browser next time, straight to the choice', async () => {
    const browser = easyAccess();
    await login(browser);
    const step = await codeStep(browser, true);
    expect(step.body.next).toBe('select_portal');

    const again = await login(browser);

    expect(again.body).toMatchObject({ next: 'select_portal' });
  });

  test('a trust made there holds only as long as each of her firms allows: B turning the option off asks the code again, the days offered telling A nothing of it', async () => {
    const browser = easyAccess();
    await login(browser);
    expect((await codeStep(browser, true)).body.next).toBe('select_portal');
    const setDaysOfB = (trustedBrowserDays: number) => adminB.request('PATCH', '/api/admin/security', { json: { trustedBrowserDays } });
    expect((await setDaysOfB(0)).status).toBe(200);

    try {
      expect((await login(browser)).body).toEqual({ next: 'totp', methods: ['totp'], trustBrowserDays: 30 });
    } finally {
      expect((await setDaysOfB(30)).status).toBe(200);
    }
  });

  test('on a firm\'s own host, the code is asked there as before, and that firm is entered', async () => {
    const browser = browserOn(firmB.host, undefined, { sourceAddress: anotherMachineAddress() });

    expect((await login(browser)).body).toMatchObject({ next: 'totp' });
    expect((await codeStep(browser)).body).toMatchObject({ next: 'done', me: { portal: { id: firmB.id } } });
  });

  test('a client of several firms without 2FA still chooses right after the password', async () => {
    const louis: Member = await activeMember(firmA);
    await addMember(firmB, { email: louis.email, name: louis.name });

    const answer = await easyAccess().post('/api/auth/login', credentialsOf(louis));

    expect(answer.body).toMatchObject({ next: 'select_portal' });
  });
});
