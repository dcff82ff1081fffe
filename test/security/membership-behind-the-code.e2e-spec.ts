import { expectError } from '../support/api-error';
import { askedForHelp, browserOn, Company, createCompany, credentialsOf, memberWithTotp, TotpMember } from '../support/factories';
import { Mailbox } from '../support/mailbox';
import { registeredPasskey, secondStepOptions } from '../support/passkeys';
import { SoftwareAuthenticator } from '../support/software-authenticator';
import { codeForStep, wrongCode } from '../support/totp';

/**
 * The attacker is firm A: it caught the password of its client Claire on its
 * own host, not her code. It signs in as her on the hosts of other firms: on
 * a firm she is a client of, the password answered the code step; on any
 * other, "wrong password". Her password alone must not tell A which other
 * firms she works with, as the easy access host asks her code before it lists
 * them: on a company's host, a user with the code on is asked it whether or
 * not she is a member there, and only then refused.
 */
describe('On a company\'s host, the password of a user with the code on does not tell whether she is a member there', () => {
  const mailbox = new Mailbox();
  let firmA: Company;
  let firmB: Company;
  let claire: TotpMember;
  let memberOfB: TotpMember;
  let memberOfBWithPasskey: TotpMember;

  beforeAll(async () => {
    firmA = await createCompany({ name: 'Aubert Comptabilité' });
    firmB = await createCompany({ name: 'Blanchard Avocats' });
    claire = await memberWithTotp(firmA);
    memberOfB = await memberWithTotp(firmB);
    memberOfBWithPasskey = await memberWithTotp(firmB);
    await registeredPasskey(memberOfBWithPasskey.browser, new SoftwareAuthenticator());
  });

  const passwordOnB = async (member: TotpMember) => {
    const browser = browserOn(firmB.host);
    return { browser, login: await browser.post('/api/auth/login', credentialsOf(member)) };
  };

  test('the password answers the code step alike on a firm she is no client of, and the reloaded page says the same', async () => {
    const outsider = await passwordOnB(claire);
    const member = await passwordOnB(memberOfB);

    // Before the change: 401 invalid_credentials for Claire on B's host.
    expect(outsider.login.status).toBe(200);
    expect(outsider.login.body).toEqual(member.login.body);
    expect(outsider.login.body).toEqual({ next: 'totp', methods: ['totp', 'passkey'], trustBrowserDays: 30 });
    expect((await outsider.browser.get('/api/auth/state')).body).toEqual((await member.browser.get('/api/auth/state')).body);
  });

  test('a passkey she would have made on B\'s host shows neither in the step nor in its options', async () => {
    const outsider = await passwordOnB(claire);
    const withPasskey = await passwordOnB(memberOfBWithPasskey);

    // Before: ["totp", "passkey"] for a client of B who made one there, and her passkey's id in the options.
    expect(withPasskey.login.body).toEqual(outsider.login.body);
    expect((await secondStepOptions(withPasskey.browser)).allowCredentials).toEqual([]);
    expect((await secondStepOptions(outsider.browser)).allowCredentials).toEqual([]);
  });

  test('a wrong code, and "no access to the app", answer as they would for a member; the request goes to no one', async () => {
    const { browser } = await passwordOnB(claire);

    const wrong = await browser.post('/api/auth/totp', { code: wrongCode(claire.secret) });
    const help = await browser.post('/api/auth/totp/help', { message: 'Téléphone perdu' });

    expectError(wrong, 401, 'invalid_code');
    expect(help.status).toBe(202);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(mailbox.matching({ to: claire.email, containing: '/help-request/' })).toEqual([]);
  });

  test('"no access to the app" answers a client of B who confirmed her request to B as it answers an outsider', async () => {
    const confirmed = await memberWithTotp(firmB);
    await askedForHelp(firmB, confirmed);
    const asks = async (member: TotpMember) => {
      const { browser } = await passwordOnB(member);
      return browser.post('/api/auth/totp/help', {});
    };

    const [member, outsider] = [await asks(confirmed), await asks(claire)];

    // Before: { linkMailed: false } for her (nothing new mailed), { linkMailed: true } for the outsider.
    expect([member.status, member.body]).toEqual([outsider.status, outsider.body]);
  });

  test('her right code, which firm A does not have, is what tells her she has no access to this portal; no session opens', async () => {
    const { browser } = await passwordOnB(claire);

    const answer = await browser.post('/api/auth/totp', { code: codeForStep(claire.secret, claire.enrolledInStep) });

    expectError(answer, 403, 'forbidden');
    expectError(await browser.get('/api/me'), 401, 'unauthenticated');
  });
});
