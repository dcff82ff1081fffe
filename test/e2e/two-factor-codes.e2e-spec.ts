import { expectError } from '../support/api-error';
import { browserOn, Company, createCompany, credentialsOf, memberWithTotp, TotpMember } from '../support/factories';
import { anotherMachineAddress, PortalClient } from '../support/portal-client';
import { codeForStep, currentStepWithMargin, stepAtLeast } from '../support/totp';

/**
 * RFC 6238 with one step of drift each way, each code accepted once. A code
 * accepted for a user spends its step and every older one, so each case has a
 * user of its own, and codes are computed with time left in the step.
 */
describe('Signing in with a code from the authenticator app', () => {
  let firm: Company;
  /** Enrolled first: by its test, the last, the clock has moved past the step its enrolment spent. */
  let oneStepBehind: TotpMember;

  beforeAll(async () => {
    firm = await createCompany({ name: 'Perrin Comptabilité' });
    oneStepBehind = await memberWithTotp(firm);
  });

  const atCodeStep = async (member: TotpMember, browser = browserOn(firm.host)): Promise<PortalClient> => {
    const login = await browser.post('/api/auth/login', credentialsOf(member));
    expect(login.body).toEqual({ next: 'totp', methods: ['totp', 'passkey'], trustBrowserDays: 30 });
    return browser;
  };

  test('a code one step ahead is accepted', async () => {
    const member = await memberWithTotp(firm);
    const browser = await atCodeStep(member);
    const step = await currentStepWithMargin();

    const verified = await browser.post('/api/auth/totp', { code: codeForStep(member.secret, step + 1) });

    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ next: 'done', me: { user: { email: member.email } } });
  });

  test('codes two steps old or two steps ahead are refused; the sign-in goes on and the current code is accepted', async () => {
    const member = await memberWithTotp(firm);
    const browser = await atCodeStep(member);
    const step = await currentStepWithMargin();

    const twoBehind = await browser.post('/api/auth/totp', { code: codeForStep(member.secret, step - 2) });
    const twoAhead = await browser.post('/api/auth/totp', { code: codeForStep(member.secret, step + 2) });
    const current = await browser.post('/api/auth/totp', { code: codeForStep(member.secret, step) });

    expectError(twoBehind, 401, 'invalid_code');
    expectError(twoAhead, 401, 'invalid_code');
    expect([twoBehind.body.attemptsLeft, twoAhead.body.attemptsLeft]).toEqual([4, 3]);
    expect(current.status).toBe(200);
    expect(current.body).toMatchObject({ next: 'done' });
  });

  test('the same code is refused the second time, in another sign-in', async () => {
    const member = await memberWithTotp(firm);
    const first = await atCodeStep(member);
    const second = await atCodeStep(member);
    const step = await currentStepWithMargin();
    const code = codeForStep(member.secret, step);

    const accepted = await first.post('/api/auth/totp', { code });
    const replayed = await second.post('/api/auth/totp', { code });

    expect(accepted.status).toBe(200);
    expectError(replayed, 401, 'invalid_code');
    expect((await second.get('/api/auth/state')).body).toEqual({ next: 'totp', methods: ['totp', 'passkey'], trustBrowserDays: 30 });
  });

  test('of 20 sign-ins of one user racing with one valid code, exactly one gets in', async () => {
    const member = await memberWithTotp(firm);
    // 20 password sign-ins one after the other (at once, the email's limit would count them as guesses under
    // way), from a machine of their own, apart from this file's per-address budget; then the codes race.
    const address = anotherMachineAddress();
    const browsers: PortalClient[] = [];
    for (let index = 0; index < 20; index += 1) browsers.push(await atCodeStep(member, browserOn(firm.host, firm.gateway, { sourceAddress: address })));
    const code = codeForStep(member.secret, await currentStepWithMargin());

    const answers = await Promise.all(browsers.map((browser) => browser.post('/api/auth/totp', { code })));

    const accepted = answers.filter((answer) => answer.status === 200);
    expect(accepted).toHaveLength(1);
    expect(accepted[0].body).toMatchObject({ next: 'done' });
    for (const refused of answers.filter((answer) => answer.status !== 200)) expectError(refused, 401, 'invalid_code');
    const states = await Promise.all(browsers.map(async (browser) => (await browser.get('/api/auth/state')).body.next));
    expect(states.filter((next) => next === 'done')).toHaveLength(1);
  });

  test('a recovery code signs in once, then is refused; another one still works', async () => {
    const member = await memberWithTotp(firm);
    const [recoveryCode, anotherRecoveryCode] = member.recoveryCodes;
    const first = await atCodeStep(member);

    const used = await first.post('/api/auth/totp', { recoveryCode });
    const second = await atCodeStep(member);
    const reused = await second.post('/api/auth/totp', { recoveryCode });
    const another = await second.post('/api/auth/totp', { recoveryCode: anotherRecoveryCode });

    expect(used.status).toBe(200);
    expect(used.body).toMatchObject({ next: 'done', me: { user: { email: member.email } } });
    expectError(reused, 401, 'invalid_code');
    expect(another.status).toBe(200);
    expect(another.body).toMatchObject({ next: 'done' });
  });

  test('a code one step old is accepted', async () => {
    const browser = await atCodeStep(oneStepBehind);
    const step = await stepAtLeast(oneStepBehind.enrolledInStep + 1);

    const verified = await browser.post('/api/auth/totp', { code: codeForStep(oneStepBehind.secret, step - 1) });

    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ next: 'done', me: { user: { email: oneStepBehind.email } } });
  });
});
