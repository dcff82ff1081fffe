import { authenticator } from 'otplib';
import { expectError, expectSecondFactorNeeded } from '../support/api-error';
import { activeMember, addMember, browserOn, Company, createCompany, credentialsOf, easyAccessBrowser, enrolTotp, Member, onEasyAccessWithRecoveryCode } from '../support/factories';
import { answerSecondStepWithPasskey, registeredPasskey } from '../support/passkeys';
import { PortalClient } from '../support/portal-client';
import { SoftwareAuthenticator } from '../support/software-authenticator';

/**
 * Claire is a client of firm B, which requires 2FA, and of firm A, which does
 * not. Her second factor is a passkey made on B's portal; the app's code is
 * off. Mallory has her password only. A second factor Mallory sets up, in a
 * session that proved the password alone, would open B: adding a factor must
 * prove one Claire already holds.
 */
describe('A second factor is not added by a session that proved the password alone, when the user holds one', () => {
  let firmA: Company;
  let firmB: Company;
  let claire: Member;
  const claireKey = new SoftwareAuthenticator();

  beforeAll(async () => {
    firmA = await createCompany({ name: 'Cabinet Souple' });
    firmB = await createCompany({ name: 'Cabinet Strict', requireTotp: true });
    claire = await activeMember(firmB, { name: 'Claire Passkey' });
    const browser = browserOn(firmB.host);
    expect((await browser.post('/api/auth/login', credentialsOf(claire))).body).toEqual({ next: 'totp_enroll' });
    const { confirmation } = await enrolTotp(browser);
    await registeredPasskey(browser, claireKey);
    // Off on the easy access host, where the account's code changes.
    const easy = await onEasyAccessWithRecoveryCode(claire, (confirmation.body.recoveryCodes as string[])[0], firmB.id);
    expect((await easy.request('DELETE', '/api/me/totp', { json: { password: claire.password } })).status).toBe(204);
    await addMember(firmA, { email: claire.email, name: claire.name });
  });

  test('on the easy access host, choosing B: the code is not set up at the enrolment step', async () => {
    const mallory = easyAccessBrowser();
    expect((await mallory.post('/api/auth/login', credentialsOf(claire))).body).toMatchObject({ next: 'select_portal' });
    expect((await mallory.post('/api/auth/portal', { portalId: firmB.id })).body).toEqual({ next: 'totp_enroll' });

    expectSecondFactorNeeded(await mallory.post('/api/me/totp/setup'));
  });

  test('signed in on A with the password: neither the code, nor recovery codes, nor a passkey of A (proved, it would be a second factor of the session like any other)', async () => {
    const mallory = browserOn(firmA.host);
    expect((await mallory.post('/api/auth/login', credentialsOf(claire))).body).toMatchObject({ next: 'done' });

    expectSecondFactorNeeded(await mallory.post('/api/me/passkeys/registration-options'));
    expectSecondFactorNeeded(await mallory.post('/api/me/totp/setup'));
    // Refused on a firm's host before anything is asked: the code changes on the easy access host.
    expectError(await mallory.post('/api/me/totp/recovery-codes'), 403, 'forbidden');
  });

  test("on the easy access host, in A: no passkey there, which would answer B's second step on that host", async () => {
    const mallory = easyAccessBrowser();
    await mallory.post('/api/auth/login', credentialsOf(claire));
    expect((await mallory.post('/api/auth/portal', { portalId: firmA.id })).body).toMatchObject({ next: 'done' });

    expectSecondFactorNeeded(await mallory.post('/api/me/passkeys/registration-options'));
  });

  test('a code Mallory set up while Dana held no factor is not confirmed once Dana added one', async () => {
    const dana = await activeMember(firmA, { name: 'Dana Lente' });
    const mallory = browserOn(firmA.host);
    expect((await mallory.post('/api/auth/login', credentialsOf(dana))).body).toMatchObject({ next: 'done' });
    const { secret } = (await mallory.post('/api/me/totp/setup')).body as { secret: string };
    const hers = browserOn(firmA.host);
    expect((await hers.post('/api/auth/login', credentialsOf(dana))).body).toMatchObject({ next: 'done' });
    await registeredPasskey(hers, new SoftwareAuthenticator());

    expectSecondFactorNeeded(await mallory.post('/api/me/totp/confirm', { code: authenticator.generate(secret) }));
  });

  test('Claire, with her passkey on B, adds the code as before', async () => {
    const browser: PortalClient = browserOn(firmB.host);
    expect((await browser.post('/api/auth/login', credentialsOf(claire))).body).toMatchObject({ next: 'totp', methods: ['passkey'] });
    expect((await answerSecondStepWithPasskey(browser, claireKey)).body).toMatchObject({ next: 'done' });

    const { confirmation } = await enrolTotp(browser);

    expect(confirmation.body.recoveryCodes).toHaveLength(10);
  });
});
