import { activeMember, addMember, browserOn, Company, createCompany, credentialsOf, easyAccessBrowser, memberWithTotp, signedInClient, TotpMember } from '../support/factories';
import { PortalClient } from '../support/portal-client';

/** As many as a user may ask of one firm in an hour. */
const HELP_REQUESTS_PER_HOUR = 5;

/**
 * The attacker is firm A: it holds the password of its client (caught on its
 * own host) but not her code. On the easy access host, a client of A alone
 * goes straight into A, and a client of several firms first proves her code,
 * then chooses: the code step must not tell the two apart, or A learns, with
 * no code and no mail, that she works with another firm.
 */
describe('The easy access host\'s code step does not tell a client of one firm from a client of several', () => {
  let firmA: Company;
  let firmB: Company;
  let onlyA: TotpMember;
  let alsoB: TotpMember;
  let adminBrowser: PortalClient;

  beforeAll(async () => {
    firmA = await createCompany({ name: 'Arnaud Expertise' });
    firmB = await createCompany({ name: 'Bertin Avocats' });
    adminBrowser = await signedInClient(firmA, await activeMember(firmA, { role: 'admin' }));
    onlyA = await memberWithTotp(firmA);
    alsoB = await memberWithTotp(firmA);
    await addMember(firmB, { email: alsoB.email });
  });

  const codeStepOnEasyAccess = async (member: TotpMember) => {
    const browser = easyAccessBrowser();
    const login = await browser.post('/api/auth/login', credentialsOf(member));
    expect(login.status).toBe(200);
    return { browser, login };
  };

  test('with A\'s own number of days set, "don\'t ask again" offers the same days to both', async () => {
    expect((await adminBrowser.request('PATCH', '/api/admin/security', { json: { trustedBrowserDays: 29 } })).status).toBe(200);

    const one = await codeStepOnEasyAccess(onlyA);
    const several = await codeStepOnEasyAccess(alsoB);

    // Before the change: 29 for A's client alone, 30 for the one with another firm.
    expect(one.login.body).toEqual(several.login.body);
    expect((await one.browser.get('/api/auth/state')).body).toEqual((await several.browser.get('/api/auth/state')).body);
  });

  test('A using up her help requests on its own host leaves the easy access host\'s alike for both', async () => {
    for (const member of [onlyA, alsoB]) {
      const onA = browserOn(firmA.host);
      expect((await onA.post('/api/auth/login', credentialsOf(member))).body.next).toBe('totp');
      for (let asked = 0; asked < HELP_REQUESTS_PER_HOUR; asked++) expect((await onA.post('/api/auth/totp/help', { message: 'A' })).status).toBe(202);
    }

    const one = await codeStepOnEasyAccess(onlyA);
    const several = await codeStepOnEasyAccess(alsoB);
    const [oneAsked, severalAsked] = [await one.browser.post('/api/auth/totp/help', {}), await several.browser.post('/api/auth/totp/help', {})];

    // Before the change: 429 for A's client alone (A's count), 202 for the one with another firm.
    expect(oneAsked.status).toBe(202);
    expect(severalAsked.status).toBe(202);
  });
});
