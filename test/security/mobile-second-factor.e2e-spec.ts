import { expectError } from '../support/api-error';
import { activeMember, browserOn, Company, createCompany, credentialsOf, enrolTotp, Member, onEasyAccessWithRecoveryCode } from '../support/factories';
import { MobileApp } from '../support/mobile-app';
import { registeredPasskey } from '../support/passkeys';
import { SoftwareAuthenticator } from '../support/software-authenticator';

/**
 * Claire is a client of firm B alone, which requires 2FA; her second factor is
 * a passkey made on B's portal, the app's code is off. Mallory has her
 * password. The web stops Mallory at the second step; the app must not hand
 * her a device and its access token, which list Claire's sessions, end them
 * and remove her other devices.
 */
describe("The app's password sign-in stops where no portal of the user admits the password alone", () => {
  let firmB: Company;
  let claire: Member;

  beforeAll(async () => {
    firmB = await createCompany({ name: 'Cabinet Strict Seul', requireTotp: true });
    claire = await activeMember(firmB, { name: 'Claire Seule' });
    const browser = browserOn(firmB.host);
    expect((await browser.post('/api/auth/login', credentialsOf(claire))).body).toEqual({ next: 'totp_enroll' });
    const { confirmation } = await enrolTotp(browser);
    await registeredPasskey(browser, new SoftwareAuthenticator());
    // Off on the easy access host, where the account's code changes.
    const easy = await onEasyAccessWithRecoveryCode(claire, (confirmation.body.recoveryCodes as string[])[0], firmB.id);
    expect((await easy.request('DELETE', '/api/me/totp', { json: { password: claire.password } })).status).toBe(204);
  });

  test('the web stops the password at the second step', async () => {
    const login = await browserOn(firmB.host).post('/api/auth/login', credentialsOf(claire));

    expect(login.body).toMatchObject({ next: 'totp', methods: ['passkey'] });
  });

  test('the app answers 403 totp_required, with no login token to register a device with', async () => {
    const mallory = new MobileApp();

    const login = await mallory.login(credentialsOf(claire));

    expectError(login, 403, 'totp_required');
    expect(login.body.loginToken).toBeUndefined();
  });
});
