import { expectError } from '../support/api-error';
import { expectStatus } from '../support/expect-status';
import { browserOn, Company, createCompany, credentialsOf, memberWithTotp, TotpMember } from '../support/factories';
import { answerSecondStepWithPasskey, registeredPasskey, secondStepOptions, signInOptions } from '../support/passkeys';
import { PortalClient } from '../support/portal-client';
import { SoftwareAuthenticator } from '../support/software-authenticator';

/**
 * The attacker has Claire's password, not her authenticator. At the second
 * step, a passkey of their own (they are a member too, or made one) is no
 * factor of Claire's, whichever options it answers.
 */
describe("The second step refuses a passkey that is not the signing-in user's", () => {
  let firm: Company;
  let claire: TotpMember;
  let mallory: TotpMember;
  const claireKey = new SoftwareAuthenticator();
  const malloryKey = new SoftwareAuthenticator();

  const claireAtSecondStep = async () => {
    const browser = browserOn(firm.host);
    expect((await browser.post('/api/auth/login', credentialsOf(claire))).body).toEqual({ next: 'totp', methods: ['totp', 'passkey'], trustBrowserDays: 30 });
    return browser;
  };
  const stillAtSecondStep = async (browser: PortalClient) => {
    expectError(await browser.get('/api/me'), 401, 'unauthenticated');
  };

  beforeAll(async () => {
    firm = await createCompany({ name: 'Marchand Conseil' });
    claire = await memberWithTotp(firm, { name: 'Claire Marchand' });
    mallory = await memberWithTotp(firm, { name: 'Mallory Marchand' });
    await registeredPasskey(claire.browser, claireKey);
    await registeredPasskey(mallory.browser, malloryKey);
  });

  test("Mallory's passkey answering Claire's second-step options: 401 invalid_passkey, and refused before its use is recorded", async () => {
    const browser = await claireAtSecondStep();

    expectError(await answerSecondStepWithPasskey(browser, malloryKey), 401, 'invalid_passkey');
    await stillAtSecondStep(browser);
    // On a company's host the options name no passkey: before the owner was named to the check, Mallory's was verified and its use recorded.
    expect((await mallory.browser.get('/api/me/passkeys')).body).toEqual([expect.objectContaining({ lastUsedAt: null })]);
  });

  test("Mallory's passkey answering usernameless options, sent as Claire's second step: 401 invalid_passkey", async () => {
    const browser = await claireAtSecondStep();
    const passkey = malloryKey.assert(await signInOptions(browser), browser.origin);

    expectError(await browser.post('/api/auth/totp', { passkey }), 401, 'invalid_passkey');
    await stillAtSecondStep(browser);
  });

  test("Mallory's passkey answering options her own session asked, sent as Claire's second step: 401 invalid_passkey", async () => {
    // A challenge bound to Mallory (her fresh-proof options, naming her passkeys) vouched for her passkey whoever's step it answered.
    const options = expectStatus(await mallory.browser.post('/api/me/passkeys/proof-options'), 200, 'proof options').body;
    const browser = await claireAtSecondStep();

    expectError(await browser.post('/api/auth/totp', { passkey: malloryKey.assert(options, browser.origin) }), 401, 'invalid_passkey');
    await stillAtSecondStep(browser);
  });

  test("nor as a fresh proof of Claire's session: 401 invalid_passkey", async () => {
    const options = expectStatus(await mallory.browser.post('/api/me/passkeys/proof-options'), 200, 'proof options').body;

    expectError(await claire.browser.post('/api/me/reauthenticate', { passkey: malloryKey.assert(options, claire.browser.origin) }), 401, 'invalid_passkey');
  });

  test('a second-step assertion without user verification: 401 invalid_passkey', async () => {
    const browser = await claireAtSecondStep();

    expectError(await answerSecondStepWithPasskey(browser, claireKey, { userVerified: false }), 401, 'invalid_passkey');
    await stillAtSecondStep(browser);
  });

  test('a second-step assertion sent twice: the second is 400 passkey_challenge_expired', async () => {
    const first = await claireAtSecondStep();
    const passkey = claireKey.assert(await secondStepOptions(first), first.origin);
    expect((await first.post('/api/auth/totp', { passkey })).body.next).toBe('done');

    const second = await claireAtSecondStep();
    expectError(await second.post('/api/auth/totp', { passkey }), 400, 'passkey_challenge_expired');
    await stillAtSecondStep(second);
  });

  test('her own passkey still answers: done', async () => {
    const browser = await claireAtSecondStep();

    expect((await answerSecondStepWithPasskey(browser, claireKey)).body).toMatchObject({ next: 'done', me: { user: { email: claire.email } } });
  });
});
