import { expectError } from '../support/api-error';
import { activeMember, browserOn, Company, createCompany, credentialsOf, memberWithTotp, onEasyAccessWithRecoveryCode, signedInOnEasyAccess } from '../support/factories';
import { Mailbox } from '../support/mailbox';
import { anotherMachineAddress, PortalClient } from '../support/portal-client';
import { ageProofs } from '../support/session-clock';

/**
 * New recovery codes replace the old ones: a way back in for whoever holds
 * the session, so it needs a recent proof, and the user is told by mail.
 */
describe('New recovery codes', () => {
  const mailbox = new Mailbox();
  let firm: Company;

  const atCodeStep = async (member: { email: string; password: string }): Promise<PortalClient> => {
    const browser = browserOn(firm.host, undefined, { sourceAddress: anotherMachineAddress() });
    expect((await browser.post('/api/auth/login', credentialsOf(member))).body.next).toBe('totp');
    return browser;
  };

  beforeAll(async () => {
    firm = await createCompany({ name: 'Vidal Expertise' });
  });

  test('a session that proved nothing for 5 minutes gets 403 reauthentication_required, and the old codes still work', async () => {
    const claire = await memberWithTotp(firm);
    // On the easy access host, where the account's code changes.
    const easy = await onEasyAccessWithRecoveryCode(claire, claire.recoveryCodes[9], firm.id);
    expect(await ageProofs(claire.userId, 6)).toBeGreaterThan(0);

    expectError(await easy.post('/api/me/totp/recovery-codes'), 403, 'reauthentication_required');
    expect((await (await atCodeStep(claire)).post('/api/auth/totp', { recoveryCode: claire.recoveryCodes[0] })).status).toBe(200);
  });

  test('ten new codes replace the old ones; the old sign in no more, the new do; the trusted browsers ask again; one alert', async () => {
    const claire = await memberWithTotp(firm);
    const trusted = await atCodeStep(claire);
    expect((await trusted.post('/api/auth/totp', { recoveryCode: claire.recoveryCodes[1], trustBrowser: true })).status).toBe(200);

    // On the easy access host, where the account's code changes.
    const answer = await (await onEasyAccessWithRecoveryCode(claire, claire.recoveryCodes[9], firm.id)).post('/api/me/totp/recovery-codes');

    expect(answer.status).toBe(200);
    const fresh = answer.body.recoveryCodes as string[];
    expect(new Set(fresh).size).toBe(10);
    expect(fresh.some((code) => claire.recoveryCodes.includes(code))).toBe(false);
    expectError(await (await atCodeStep(claire)).post('/api/auth/totp', { recoveryCode: claire.recoveryCodes[2] }), 401, 'invalid_code');
    expect((await (await atCodeStep(claire)).post('/api/auth/totp', { recoveryCode: fresh[0] })).status).toBe(200);
    expect((await trusted.post('/api/auth/login', credentialsOf(claire))).body.next).toBe('totp');
    const alert = await mailbox.waitFor({ to: claire.email, subject: 'Vos codes de récupération ont été remplacés' });
    expect(alert.text).toContain('/not-me/');
  });

  test('without 2FA there are none to replace: 409 conflict', async () => {
    const louis = await activeMember(firm);
    const browser = await signedInOnEasyAccess(firm, louis);

    expectError(await browser.post('/api/me/totp/recovery-codes'), 409, 'conflict');
  });
});
