import Redis from 'ioredis';
import { expectError } from '../support/api-error';
import {
  activeMember,
  addMember,
  browserOn,
  Company,
  createCompany,
  credentialsOf,
  Member,
  memberWithTotp,
  operatorClient,
  signedInClient,
  TotpMember,
} from '../support/factories';
import { infrastructure } from '../support/infrastructure';
import { registeredPasskey } from '../support/passkeys';
import { anotherMachineAddress, PortalClient, PortalResponse } from '../support/portal-client';
import { currentRun } from '../support/run-context';
import { ageProofs } from '../support/session-clock';
import { SoftwareAuthenticator } from '../support/software-authenticator';

const TRUST_COOKIE = 'portal_trust';

/**
 * Each browser of these specs sits at its own address: they sign in far more
 * often than a person does, and the per-address sign-in limit is not what they test.
 */
const browserAt = (host: string): PortalClient => browserOn(host, undefined, { sourceAddress: anotherMachineAddress() });

interface TrustedBrowserListed {
  id: string;
  device: string | null;
  createdAt: string;
  expiresAt: string;
  current: boolean;
}

/**
 * "Don't ask again on this browser": the code step is spared on a browser the
 * user trusted, for this user and this host only, as long as the company
 * allows, and never after a change of credentials or factors. The attacker
 * holds the trust cookie (copied from Claire's browser) or Claire's password,
 * never both: each spec below is a way they try to make one do for the other.
 */
describe('Trusted browsers', () => {
  let firm: Company;
  let otherFirm: Company;
  let admin: Member;
  let adminBrowser: PortalClient;

  /** Claire's recovery codes answer the code step without waiting for a new 30-second code each time. */
  const codeStep = (browser: PortalClient, member: TotpMember, trustBrowser?: boolean): Promise<PortalResponse> =>
    browser.post('/api/auth/totp', { recoveryCode: member.recoveryCodes.pop(), ...(trustBrowser === undefined ? {} : { trustBrowser }) });

  const login = (browser: PortalClient, member: Member): Promise<PortalResponse> => browser.post('/api/auth/login', credentialsOf(member));

  /** A browser on the firm's host where Claire signed in with her code and chose "don't ask again". */
  const trustedBrowser = async (member: TotpMember, company = firm): Promise<PortalClient> => {
    const browser = browserAt(company.host);
    expect((await login(browser, member)).body.next).toBe('totp');
    const done = await codeStep(browser, member, true);
    expect(done.status).toBe(200);
    expect(done.body.next).toBe('done');
    expect(browser.cookies.get(TRUST_COOKIE)).toBeDefined();
    return browser;
  };

  /** The attacker's browser, holding a copy of the trust cookie. */
  const withTrustOf = (from: PortalClient, host: string): PortalClient => {
    const browser = browserAt(host);
    browser.cookies.store([`${TRUST_COOKIE}=${from.cookies.get(TRUST_COOKIE)!.value}; Path=/; HttpOnly`]);
    return browser;
  };

  const setDays = async (trustedBrowserDays: unknown): Promise<PortalResponse> =>
    adminBrowser.request('PATCH', '/api/admin/security', { json: { trustedBrowserDays } });

  beforeAll(async () => {
    firm = await createCompany({ name: 'Lemaire Conseil' });
    otherFirm = await createCompany({ name: 'Garnier Avocats' });
    admin = await activeMember(firm, { role: 'admin', name: 'Sophie Lemaire' });
    adminBrowser = await signedInClient(firm, admin);
  });

  describe('at the code step', () => {
    let claire: TotpMember;

    beforeAll(async () => {
      claire = await memberWithTotp(firm);
    });

    test('the step offers the option for the company\'s number of days (30 unless it chose otherwise)', async () => {
      const answer = await login(browserAt(firm.host), claire);

      expect(answer.body).toEqual({ next: 'totp', methods: ['totp', 'passkey'], trustBrowserDays: 30 });
    });

    test('answered with "don\'t ask again", the browser gets an HttpOnly cookie for 30 days, and the next sign-in skips the code', async () => {
      const browser = await trustedBrowser(claire);
      const cookie = browser.cookies.get(TRUST_COOKIE)!;
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
      expect(cookie.expiresAt! - Date.now()).toBeGreaterThan(29.9 * 86_400_000);
      expect(cookie.expiresAt! - Date.now()).toBeLessThanOrEqual(30 * 86_400_000);

      const again = await login(browser, claire);
      expect(again.status).toBe(200);
      expect(again.body.next).toBe('done');
      const sessions = (await browser.get('/api/me/sessions')).body as { current: boolean; factors: string[] }[];
      expect(sessions.find((session) => session.current)!.factors).toEqual(['password', 'trusted_browser']);
    });

    test('without the choice, no trust cookie is set and the code is asked next time', async () => {
      const browser = browserAt(firm.host);
      await login(browser, claire);
      expect((await codeStep(browser, claire)).body.next).toBe('done');

      expect(browser.cookies.get(TRUST_COOKIE)).toBeUndefined();
      expect((await login(browser, claire)).body.next).toBe('totp');
    });

    test('the trusted browser is listed, named by browser and system, with its end', async () => {
      const browser = await trustedBrowser(claire);
      const listed = (await browser.get('/api/me/trusted-browsers')).body as TrustedBrowserListed[];

      const current = listed.filter((entry) => entry.current);
      expect(current).toHaveLength(1);
      expect(Date.parse(current[0].expiresAt) - Date.parse(current[0].createdAt)).toBe(30 * 86_400_000);
      expect(listed.length).toBeGreaterThanOrEqual(2);
    });

    test('a bad value of the choice is refused as bad input', async () => {
      const browser = browserAt(firm.host);
      await login(browser, claire);

      expectError(await browser.post('/api/auth/totp', { recoveryCode: claire.recoveryCodes[0], trustBrowser: 'yes' }), 400, 'validation_failed');
    });
  });

  describe('what the cookie alone cannot do', () => {
    let claire: TotpMember;
    let mallory: TotpMember;
    let trusted: PortalClient;

    beforeAll(async () => {
      claire = await memberWithTotp(firm);
      mallory = await memberWithTotp(firm, { name: 'Mallory Petit' });
      trusted = await trustedBrowser(claire);
    });

    test('it never stands for the password: a wrong one is refused as always', async () => {
      const attacker = withTrustOf(trusted, firm.host);

      expectError(await attacker.post('/api/auth/login', { email: claire.email, password: 'not-her-password-42' }), 401, 'invalid_credentials');
    });

    test("it spares no one else's code: Mallory, with Claire's trust cookie and her own password, is asked her code", async () => {
      const attacker = withTrustOf(trusted, firm.host);

      expect((await login(attacker, mallory)).body.next).toBe('totp');
    });

    test("it is bound to its host: carried to another firm's portal of Claire's, the code is asked there", async () => {
      await addMember(otherFirm, { email: claire.email, name: claire.name });
      const elsewhere = withTrustOf(trusted, otherFirm.host);

      expect((await login(elsewhere, claire)).body.next).toBe('totp');
    });

    test.each([
      ['a made-up value', 'A'.repeat(43)],
      ['a value of another shape', '../../etc'],
      ['a very long value', 'x'.repeat(3000)],
    ])('%s is no trust, and no error', async (_, value) => {
      const browser = browserAt(firm.host);
      browser.cookies.store([`${TRUST_COOKIE}=${value}; Path=/`]);

      const answer = await login(browser, claire);
      expect(answer.status).toBe(200);
      expect(answer.body.next).toBe('totp');
    });
  });

  describe('what ends the trust', () => {
    test('a password change: the code is asked again on every trusted browser', async () => {
      const claire = await memberWithTotp(firm);
      const trusted = await trustedBrowser(claire);
      const newPassword = 'Another-long-passphrase-71';
      const changed = await claire.browser.post('/api/me/password', { currentPassword: claire.password, newPassword });
      expect(changed.status).toBe(204);

      expect((await login(trusted, { ...claire, password: newPassword })).body.next).toBe('totp');
    });

    test('a passkey added: a change of factors asks the code again', async () => {
      const claire = await memberWithTotp(firm);
      const trusted = await trustedBrowser(claire);
      await registeredPasskey(claire.browser, new SoftwareAuthenticator());

      expect((await login(trusted, claire)).body.next).toBe('totp');
    });

    test('"forget all browsers" needs a recent proof, then asks the code again everywhere', async () => {
      const claire = await memberWithTotp(firm);
      const trusted = await trustedBrowser(claire);
      expect(await ageProofs(claire.userId, 6)).toBeGreaterThan(0);

      expectError(await claire.browser.delete('/api/me/trusted-browsers'), 403, 'reauthentication_required');
      expect((await login(trusted, claire)).body.next).toBe('done');

      expect((await claire.browser.post('/api/me/reauthenticate', { password: claire.password })).status).toBe(204);
      expect((await claire.browser.delete('/api/me/trusted-browsers')).status).toBe(204);
      expect((await login(trusted, claire)).body.next).toBe('totp');
      expect((await claire.browser.get('/api/me/trusted-browsers')).body).toEqual([]);
    });

    test('forgetting one browser by its id leaves the others', async () => {
      const claire = await memberWithTotp(firm);
      const first = await trustedBrowser(claire);
      const second = await trustedBrowser(claire);
      const listed = (await first.get('/api/me/trusted-browsers')).body as TrustedBrowserListed[];
      const firstId = listed.find((entry) => entry.current)!.id;

      expect((await first.delete(`/api/me/trusted-browsers/${firstId}`)).status).toBe(204);
      expectError(await second.delete(`/api/me/trusted-browsers/${firstId}`), 404, 'not_found');
      expect((await login(first, claire)).body.next).toBe('totp');
      expect((await login(second, claire)).body.next).toBe('done');
    });

    test("a firm's host lists the browsers trusted on it alone: one trusted on the other firm's host is not shown there", async () => {
      const claire = await memberWithTotp(firm);
      await addMember(otherFirm, { email: claire.email, name: claire.name });
      await trustedBrowser(claire, firm);
      const onOther = await trustedBrowser(claire, otherFirm);

      const listed = (await onOther.get('/api/me/trusted-browsers')).body as TrustedBrowserListed[];
      expect(listed.map((entry) => entry.current)).toEqual([true]);
    });

    test("another user's browser cannot be forgotten by its id", async () => {
      const claire = await memberWithTotp(firm);
      const mallory = await memberWithTotp(firm, { name: 'Mallory Petit' });
      const hers = await trustedBrowser(claire);
      const herId = ((await hers.get('/api/me/trusted-browsers')).body as TrustedBrowserListed[])[0].id;

      expectError(await mallory.browser.delete(`/api/me/trusted-browsers/${herId}`), 404, 'not_found');
      expect((await login(hers, claire)).body.next).toBe('done');
    });
  });

  describe("the company's number of days", () => {
    afterEach(async () => {
      expect((await setDays(30)).status).toBe(200);
    });

    test('the admin reads and sets it, from 0 to 30 days', async () => {
      expect((await adminBrowser.get('/api/admin/security')).body).toMatchObject({ trustedBrowserDays: 30 });
      const set = await setDays(7);
      expect(set.body).toMatchObject({ trustedBrowserDays: 7 });
      expect((await adminBrowser.get('/api/admin/security')).body).toMatchObject({ trustedBrowserDays: 7 });
    });

    test.each([[31], [-1], ['7'], [1.5], [null]])('%p days: 400 validation_failed', async (days) => {
      expectError(await setDays(days), 400, 'validation_failed');
    });

    test('a client cannot set it', async () => {
      const client = await activeMember(firm);
      const browser = await signedInClient(firm, client);

      expectError(await browser.request('PATCH', '/api/admin/security', { json: { trustedBrowserDays: 30 } }), 403);
    });

    test("0 turns the option off: no longer offered, no cookie made, and the browsers trusted before are asked the code", async () => {
      const claire = await memberWithTotp(firm);
      const trusted = await trustedBrowser(claire);
      await setDays(0);

      expect((await login(trusted, claire)).body).toEqual({ next: 'totp', methods: ['totp', 'passkey'], trustBrowserDays: 0 });
      expect((await codeStep(trusted, claire, true)).body.next).toBe('done');
      const fresh = browserAt(firm.host);
      await login(fresh, claire);
      await codeStep(fresh, claire, true);
      expect(fresh.cookies.get(TRUST_COOKIE)).toBeUndefined();
    });

    test('fewer days shorten the trust already given: 2 days old, it no longer counts once the company allows 1', async () => {
      const claire = await memberWithTotp(firm);
      const trusted = await trustedBrowser(claire);
      await setDays(1);
      expect((await login(trusted, claire)).body.next).toBe('done');

      await ageTrust(claire.userId, 2);
      expect((await login(trusted, claire)).body.next).toBe('totp');
    });

    test('the other firm keeps its own: a change here does not reach it', async () => {
      const operator = operatorClient();
      const answer = await operator.request('PATCH', `/api/operator/companies/${otherFirm.id}/security`, { json: { trustedBrowserDays: 14 } });
      expect(answer.body).toMatchObject({ trustedBrowserDays: 14 });

      await setDays(3);
      const colleague = await activeMember(otherFirm, { role: 'admin' });
      const theirs = await signedInClient(otherFirm, colleague);
      expect((await theirs.get('/api/admin/security')).body).toMatchObject({ trustedBrowserDays: 14 });
    });
  });
});

/** Moves the user's trusted browsers back by `days`, as if they had been trusted that long ago. */
async function ageTrust(userId: string, days: number): Promise<void> {
  const redis = new Redis(infrastructure.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    const keys = await redis.keys(`${currentRun().redisKeyPrefix}trust:*`);
    for (const key of keys) {
      for (const [field, raw] of Object.entries(await redis.hgetall(key))) {
        const entry = JSON.parse(raw) as { u: string; c: number };
        if (entry.u !== userId) continue;
        await redis.hset(key, field, JSON.stringify({ ...entry, c: entry.c - days * 86_400_000 }));
      }
    }
  } finally {
    redis.disconnect();
  }
}
