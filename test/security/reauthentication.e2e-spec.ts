import { expectError } from '../support/api-error';
import { activeMember, browserOn, Company, createCompany, credentialsOf, Member, memberWithTotp, signedInClient, TotpMember } from '../support/factories';
import { proofOptions, registeredPasskey } from '../support/passkeys';
import { PortalClient } from '../support/portal-client';
import { ageProofs } from '../support/session-clock';
import { SoftwareAuthenticator } from '../support/software-authenticator';
import { codeForStep, wrongCode } from '../support/totp';

/**
 * Someone holds a session of Claire's that proved nothing for a while: a
 * cookie stolen from her browser, or her computer left open. They try the
 * changes that would keep them in: a passkey of their own, 2FA of their own,
 * ending Claire's other sessions. Each needs a proof of the last 5 minutes.
 */
describe('Sensitive changes on a session that proved nothing for more than 5 minutes', () => {
  let firm: Company;

  beforeAll(async () => {
    firm = await createCompany({ name: 'Morel Audit' });
  });

  const staleSession = async (member: Member): Promise<PortalClient> => {
    const browser = await signedInClient(firm, member);
    expect(await ageProofs(member.userId, 6)).toBeGreaterThan(0);
    return browser;
  };

  describe('the attacker, without any proof', () => {
    let claire: Member;
    let stolen: PortalClient;

    beforeAll(async () => {
      claire = await activeMember(firm);
      stolen = await staleSession(claire);
    });

    test.each([
      ['adds a passkey of their own', '/api/me/passkeys/registration-options'],
      ['registers a passkey', '/api/me/passkeys'],
      ['turns 2FA on with their own phone', '/api/me/totp/setup'],
      ['ends Claire\'s other sessions', '/api/me/sessions/sign-out-others'],
    ])('%s: 403 reauthentication_required', async (_, path) => {
      expectError(await stolen.post(path, {}), 403, 'reauthentication_required');
    });

    test('a wrong password proves nothing: still 401, then 403', async () => {
      expectError(await stolen.post('/api/me/reauthenticate', { password: 'not-her-password-1' }), 401, 'invalid_credentials');
      expectError(await stolen.post('/api/me/totp/setup'), 403, 'reauthentication_required');
    });

    test('the session still reads her pages: only the sensitive changes are closed', async () => {
      expect((await stolen.get('/api/me')).status).toBe(200);
    });

    test.each([
      ['nothing', {}],
      ['two proofs at once', { password: 'x'.repeat(12), code: '123456' }],
      ['a code that is no code', { code: '12ab56' }],
      ['a passkey that is no assertion', { passkey: { id: 'x' } }],
    ])('%s: 400 validation_failed', async (_, body) => {
      expectError(await stolen.post('/api/me/reauthenticate', body), 400, 'validation_failed');
    });
  });

  test('Claire proves it with her password: the change goes through, for 5 minutes', async () => {
    const claire = await activeMember(firm);
    const browser = await staleSession(claire);

    expect((await browser.post('/api/me/reauthenticate', { password: claire.password })).status).toBe(204);
    expect((await browser.post('/api/me/passkeys/registration-options')).status).toBe(200);

    await ageProofs(claire.userId, 6);
    expectError(await browser.post('/api/me/passkeys/registration-options'), 403, 'reauthentication_required');
  });

  test('a fresh sign-in is a proof: nothing more is asked', async () => {
    const claire = await activeMember(firm);
    const browser = await signedInClient(firm, claire);

    expect((await browser.post('/api/me/passkeys/registration-options')).status).toBe(200);
    expect((await browser.post('/api/me/sessions/sign-out-others')).status).toBe(204);
  });

  describe('with 2FA on', () => {
    let claire: TotpMember;

    beforeAll(async () => {
      claire = await memberWithTotp(firm);
    });

    test('a code from her app proves it', async () => {
      const browser = claire.browser;
      await ageProofs(claire.userId, 6);
      // The code of the step 2FA was confirmed in is still unused (enrolTotp confirms with the one before).
      const code = codeForStep(claire.secret, claire.enrolledInStep);

      expect((await browser.post('/api/me/reauthenticate', { code })).status).toBe(204);
      expect((await browser.post('/api/me/sessions/sign-out-others')).status).toBe(204);
    });

    test('guessing codes ends the stolen session: no more guesses than at the sign-in', async () => {
      const stolen = await signedInClientWithCode(firm, claire);
      await ageProofs(claire.userId, 6);
      let answer = await stolen.post('/api/me/reauthenticate', { code: wrongCode(claire.secret) });
      for (let guess = 1; guess < 5 && answer.status === 401 && answer.body.error === 'invalid_code'; guess += 1) {
        answer = await stolen.post('/api/me/reauthenticate', { code: wrongCode(claire.secret) });
      }

      expect(answer.body).toMatchObject({ error: 'invalid_code', attemptsLeft: 0 });
      expectError(await stolen.get('/api/me'), 401, 'unauthenticated');
    });
  });

  describe('with a passkey', () => {
    const phone = new SoftwareAuthenticator();
    const thief = new SoftwareAuthenticator();
    let claire: Member;
    let browser: PortalClient;

    beforeAll(async () => {
      claire = await activeMember(firm);
      browser = await signedInClient(firm, claire);
      await registeredPasskey(browser, phone);
      const other = await activeMember(firm);
      await registeredPasskey(await signedInClient(firm, other), thief);
    });

    test('her passkey proves it', async () => {
      await ageProofs(claire.userId, 6);
      const passkey = phone.assert(await proofOptions(browser), browser.origin);

      expect((await browser.post('/api/me/reauthenticate', { passkey })).status).toBe(204);
      expect((await browser.post('/api/me/passkeys/registration-options')).status).toBe(200);
    });

    test("someone else's passkey on this portal proves nothing: 401 invalid_passkey", async () => {
      await ageProofs(claire.userId, 6);
      const options = { ...(await proofOptions(browser)), allowCredentials: [] };
      const passkey = thief.assert(options, browser.origin);

      expectError(await browser.post('/api/me/reauthenticate', { passkey }), 401, 'invalid_passkey');
      expectError(await browser.post('/api/me/passkeys/registration-options'), 403, 'reauthentication_required');
    });
  });
});

/** A second browser of a member with 2FA, signed in with the password and a recovery code. */
async function signedInClientWithCode(company: Company, member: TotpMember): Promise<PortalClient> {
  const browser = browserOn(company.host);
  expect((await browser.post('/api/auth/login', credentialsOf(member))).body).toMatchObject({ next: 'totp' });
  expect((await browser.post('/api/auth/totp', { recoveryCode: member.recoveryCodes.pop() })).body).toMatchObject({ next: 'done' });
  return browser;
}
