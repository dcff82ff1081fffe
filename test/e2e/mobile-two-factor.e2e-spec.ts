import { expectError } from '../support/api-error';
import { Company, createCompany, credentialsOf, memberWithTotp, TotpMember } from '../support/factories';
import { MobileApp } from '../support/mobile-app';
import { codeForStep, currentStepWithMargin, wrongCode } from '../support/totp';

/** The app's one sign-in follows the same second-factor rules as the web. */
describe('Signing in on the mobile app with 2FA on', () => {
  const app = new MobileApp();
  let firm: Company;
  let member: TotpMember;
  let loginToken: string;

  beforeAll(async () => {
    firm = await createCompany({ name: 'Chevalier Notaires' });
    member = await memberWithTotp(firm);
  });

  test('the password leads to the code step', async () => {
    const login = await app.login(credentialsOf(member));

    expect(login.status).toBe(200);
    expect(login.body).toEqual({ loginToken: expect.any(String), next: 'totp' });
    loginToken = login.body.loginToken;
  });

  test('a wrong code is refused with 401 invalid_code and the attempts left', async () => {
    const wrong = await app.post('/api/mobile/login/totp', { loginToken, code: wrongCode(member.secret) }, null);

    expectError(wrong, 401, 'invalid_code');
    expect(wrong.body.attemptsLeft).toBe(4);
  });

  test('the code step’s token cannot skip to the PIN, and stays usable for the code', async () => {
    const skipped = await app.post(
      '/api/mobile/devices',
      { loginToken, pin: '8362', pinConfirmation: '8362', name: 'Pixel', platform: 'android' },
      null,
    );

    expectError(skipped, 401, 'unauthenticated');
  });

  test('the right code answers a new login token for the PIN, and the device registers', async () => {
    const code = codeForStep(member.secret, await currentStepWithMargin());

    const verified = await app.post('/api/mobile/login/totp', { loginToken, code }, null);

    expect(verified.status).toBe(200);
    expect(verified.body).toEqual({ loginToken: expect.any(String), next: 'create_pin' });
    expect(verified.body.loginToken).not.toBe(loginToken);
    const registered = await app.register(verified.body.loginToken, '8362');
    expect(registered.status).toBe(201);
    expect(registered.body).toMatchObject({ next: 'done', portals: [{ id: firm.id, name: firm.name }] });
    expect((await app.get('/api/me')).body.user).toMatchObject({ email: member.email, totpEnabled: true });
  });

  test('the first login token is spent once its code was accepted', async () => {
    const again = await app.post('/api/mobile/login/totp', { loginToken, code: wrongCode(member.secret) }, null);

    // Still waiting for a code, the token would get 401 invalid_code and the attempts left, as above.
    expectError(again, 401, 'unauthenticated');
  });

  test('a recovery code works in the app as on the web', async () => {
    const phone = new MobileApp();
    const recoveryCode = member.recoveryCodes[0];

    const registered = await phone.signInWithSecondFactor(credentialsOf(member), { recoveryCode }, '1958');

    expect(registered.body).toMatchObject({ next: 'done' });
    expect((await phone.unlockWithPin('1958')).status).toBe(200);
  });
});
