import { expectError } from '../support/api-error';
import { activeMember, addMember, Company, createCompany, credentialsOf, easyAccessBrowser, memberWithTotp } from '../support/factories';
import { PortalClient } from '../support/portal-client';
import { codeForStep, currentStepWithMargin } from '../support/totp';

/**
 * A sign-in waiting at a step is answered once. Two answers sent at once (a
 * double click, two tabs, or a script) each read the waiting sign-in before
 * either ended it, and each opened a session of its own: one more session
 * than the user asked for, in the list she reads to know who is signed in.
 */
describe('A sign-in step answered twice at once', () => {
  let firmA: Company;
  let firmB: Company;

  beforeAll(async () => {
    firmA = await createCompany({ name: 'Cabinet Une Fois' });
    firmB = await createCompany({ name: 'Cabinet Deux Fois' });
  });

  const sessionsOf = async (browser: PortalClient): Promise<number> => ((await browser.get('/api/me/sessions')).body as unknown[]).length;

  test('the choice of portal: one answer opens her session, the other is 409 no_login_in_progress', async () => {
    const member = await activeMember(firmA);
    await addMember(firmB, { email: member.email });
    const browser = easyAccessBrowser();
    expect((await browser.post('/api/auth/login', credentialsOf(member))).body.next).toBe('select_portal');

    const answers = await Promise.all([browser.post('/api/auth/portal', { portalId: firmA.id }), browser.post('/api/auth/portal', { portalId: firmB.id })]);

    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    expectError(answers.find((answer) => answer.status === 409)!, 409, 'no_login_in_progress');
    expect(await sessionsOf(browser)).toBe(1);
  });

  test('the code step: a code and a recovery code sent together open one session', async () => {
    const member = await memberWithTotp(firmA);
    const browser = easyAccessBrowser();
    expect((await browser.post('/api/auth/login', credentialsOf(member))).body.next).toBe('totp');
    const code = codeForStep(member.secret, await currentStepWithMargin());

    const answers = await Promise.all([
      browser.post('/api/auth/totp', { code }),
      browser.post('/api/auth/totp', { recoveryCode: member.recoveryCodes[0] }),
    ]);

    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    // The easy access host lists all her sessions: the one that set her code up on firm A's host, and this one.
    expect(await sessionsOf(browser)).toBe(2);
  });
});
