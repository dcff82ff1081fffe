import { browserOn, Company, createCompany, credentialsOf, memberWithTotp, TotpMember } from '../support/factories';
import { MobileApp } from '../support/mobile-app';
import { answerSecondStepWithPasskey, registeredPasskey, signInWithPasskey } from '../support/passkeys';
import { PortalClient } from '../support/portal-client';
import { SoftwareAuthenticator } from '../support/software-authenticator';
import { codeForStep, currentStepWithMargin } from '../support/totp';

interface SessionView {
  id: string;
  kind: 'web' | 'mobile';
  current: boolean;
  factors: string[];
}

/**
 * Claire's sessions list says how each session was opened, so that one she
 * did not open (a password and code where she always uses her passkey) stands out.
 */
describe('The sessions list names the factors that opened each session', () => {
  const laptop = new SoftwareAuthenticator();
  let firm: Company;
  let claire: TotpMember;
  let withCode: PortalClient;

  const sessionsOf = async (browser: PortalClient): Promise<SessionView[]> => {
    const listed = await browser.get('/api/me/sessions');
    expect(listed.status).toBe(200);
    return listed.body as SessionView[];
  };
  const factorsOf = async (browser: PortalClient) => (await sessionsOf(browser)).find((session) => session.current)!.factors;

  beforeAll(async () => {
    firm = await createCompany({ name: 'Fabre Gestion' });
    claire = await memberWithTotp(firm, { name: 'Claire Fabre' });
    await registeredPasskey(claire.browser, laptop);
    withCode = browserOn(firm.host);
    expect((await withCode.post('/api/auth/login', credentialsOf(claire))).body.next).toBe('totp');
    const code = codeForStep(claire.secret, await currentStepWithMargin());
    expect((await withCode.post('/api/auth/totp', { code })).body.next).toBe('done');
  });

  test('a password and a code from the app: ["password", "totp"]', async () => {
    expect(await factorsOf(withCode)).toEqual(['password', 'totp']);
  });

  test('a passkey alone: ["passkey"]', async () => {
    const browser = browserOn(firm.host);
    expect((await signInWithPasskey(browser, laptop)).body.next).toBe('done');

    expect(await factorsOf(browser)).toEqual(['passkey']);
  });

  test('a password, then a passkey at the second step: ["password", "passkey"]', async () => {
    const browser = browserOn(firm.host);
    expect((await browser.post('/api/auth/login', credentialsOf(claire))).body.next).toBe('totp');
    expect((await answerSecondStepWithPasskey(browser, laptop)).body.next).toBe('done');

    expect(await factorsOf(browser)).toEqual(['password', 'passkey']);
  });

  test('the mobile app, opened with the password and a recovery code, and every session seen from another', async () => {
    const phone = new MobileApp();
    await phone.signInWithSecondFactor(credentialsOf(claire), { recoveryCode: claire.recoveryCodes[0] }, '4820');

    const sessions = await sessionsOf(withCode);
    expect(sessions.filter((session) => session.kind === 'mobile').map((session) => session.factors)).toEqual([['password', 'recovery_code']]);
    // Besides the browser in which she turned 2FA on.
    const web = sessions.filter((session) => session.kind === 'web').map((session) => session.factors);
    expect(web).toHaveLength(4);
    expect(web).toEqual(expect.arrayContaining([['password', 'totp'], ['passkey'], ['password', 'passkey']]));
  });
});
