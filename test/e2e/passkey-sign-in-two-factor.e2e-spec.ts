import { expectError } from '../support/api-error';
import {
  activate,
  addMember,
  browserOn,
  Company,
  createCompany,
  credentialsOf,
  easyAccessBrowser,
  memberWithTotp,
  strongPassword,
  TotpMember,
  uniqueEmail,
} from '../support/factories';
import { answerSecondStepWithPasskey, registeredPasskey, secondStepOptions, signInWithPasskey } from '../support/passkeys';
import { SoftwareAuthenticator } from '../support/software-authenticator';

/**
 * A passkey with user verification is something the user has and something
 * they are (or know): it stands for two factors. As the first factor it
 * needs no code; at the second step it answers in place of the code.
 */
describe('A passkey as two factors', () => {
  let lax: Company;
  let strict: Company;

  beforeAll(async () => {
    lax = await createCompany({ name: 'Noel Conseil' });
    strict = await createCompany({ name: 'Noel Gestion', requireTotp: true });
  });

  describe('a client of a firm that requires 2FA, without 2FA, with a passkey on the easy access host', () => {
    const claire = { email: uniqueEmail('claire'), password: strongPassword() };
    const phone = new SoftwareAuthenticator();

    beforeAll(async () => {
      const invitation = await addMember(lax, { email: claire.email, name: 'Claire Noel' });
      await activate(browserOn(lax.host), invitation.token!, claire.password);
      await addMember(strict, { email: claire.email, name: 'Claire Noel' });
      const browser = easyAccessBrowser();
      expect((await browser.post('/api/auth/login', credentialsOf(claire))).body.next).toBe('select_portal');
      expect((await browser.post('/api/auth/portal', { portalId: lax.id })).body.next).toBe('done');
      await registeredPasskey(browser, phone);
    });

    test('the passkey sign-in enters the portal that requires 2FA without a code', async () => {
      const browser = easyAccessBrowser();
      expect((await signInWithPasskey(browser, phone)).body.next).toBe('select_portal');

      const chosen = await browser.post('/api/auth/portal', { portalId: strict.id });

      expect(chosen.body).toMatchObject({ next: 'done', me: { portal: { id: strict.id }, user: { email: claire.email, totpEnabled: false } } });
    });

    test('a session opened with the passkey on the lax portal switches to the one that requires 2FA', async () => {
      const browser = easyAccessBrowser();
      await signInWithPasskey(browser, phone);
      expect((await browser.post('/api/auth/portal', { portalId: lax.id })).body.next).toBe('done');

      const switched = await browser.post('/api/me/portal', { portalId: strict.id });

      expect(switched.status).toBe(200);
      expect(switched.body.portal).toMatchObject({ id: strict.id });
    });

    test('her password alone, at that portal: the second step offers the passkey only, and it answers', async () => {
      const browser = easyAccessBrowser();
      await browser.post('/api/auth/login', credentialsOf(claire));

      expect((await browser.post('/api/auth/portal', { portalId: strict.id })).body).toEqual({ next: 'totp', methods: ['passkey'], trustBrowserDays: 30 });
      expect((await browser.get('/api/auth/state')).body).toEqual({ next: 'totp', methods: ['passkey'], trustBrowserDays: 30 });
      const answered = await answerSecondStepWithPasskey(browser, phone);
      expect(answered.body).toMatchObject({ next: 'done', me: { portal: { id: strict.id } } });
    });
  });

  describe('a member with 2FA on and a passkey on her portal (2FA not required there)', () => {
    let dora: TotpMember;
    let bob: TotpMember;
    const doraPhone = new SoftwareAuthenticator();

    const atSecondStep = async (member: TotpMember) => {
      const browser = browserOn(lax.host);
      const login = await browser.post('/api/auth/login', credentialsOf(member));
      return { browser, login };
    };

    beforeAll(async () => {
      dora = await memberWithTotp(lax, { name: 'Dora Noel' });
      bob = await memberWithTotp(lax, { name: 'Bob Noel' });
      await registeredPasskey(dora.browser, doraPhone);
    });

    test('the passkey sign-in is done at once: never a code', async () => {
      const browser = browserOn(lax.host);

      const answer = await signInWithPasskey(browser, doraPhone);

      expect(answer.body).toMatchObject({ next: 'done', me: { portal: { id: lax.id }, user: { email: dora.email, totpEnabled: true } } });
    });

    test('her password: the second step names both methods, in the answer and in the state', async () => {
      const { browser, login } = await atSecondStep(dora);

      expect(login.body).toEqual({ next: 'totp', methods: ['totp', 'passkey'], trustBrowserDays: 30 });
      expect((await browser.get('/api/auth/state')).body).toEqual({ next: 'totp', methods: ['totp', 'passkey'], trustBrowserDays: 30 });
    });

    test("the second step's options, on a company's host, name no passkey: whether she has one there would tell that she is its client", async () => {
      const { browser } = await atSecondStep(dora);

      const options = await secondStepOptions(browser);

      expect(options).toMatchObject({ rpId: lax.host, userVerification: 'required', allowCredentials: [] });
    });

    test('the passkey answers the second step: done, signed in', async () => {
      const { browser } = await atSecondStep(dora);

      const answered = await answerSecondStepWithPasskey(browser, doraPhone);

      expect(answered.status).toBe(200);
      expect(answered.body).toMatchObject({ next: 'done', me: { user: { email: dora.email } } });
      expect((await browser.get('/api/me')).body.user).toMatchObject({ email: dora.email });
    });

    test('a member with 2FA and no passkey: the step offers the code only', async () => {
      const { browser, login } = await atSecondStep(bob);

      expect(login.body).toEqual({ next: 'totp', methods: ['totp', 'passkey'], trustBrowserDays: 30 });
      expect((await browser.get('/api/auth/state')).body).toEqual({ next: 'totp', methods: ['totp', 'passkey'], trustBrowserDays: 30 });
    });

    test('passkey options without a sign-in waiting at the second step: 409 no_login_in_progress', async () => {
      expectError(await browserOn(lax.host).post('/api/auth/totp/passkey-options'), 409, 'no_login_in_progress');
    });
  });
});
