import { expectError } from '../support/api-error';
import { browserOn, Company, createCompany, credentialsOf, memberWithTotp, TotpMember } from '../support/factories';
import { Mailbox } from '../support/mailbox';
import { PortalClient, PortalResponse } from '../support/portal-client';
import { codeForStep, currentStepWithMargin, wrongCode } from '../support/totp';

/** Five wrong codes end a sign-in; ten in a row, across sign-ins, lock the second factor. */
describe('Wrong codes at sign-in', () => {
  const mailbox = new Mailbox();
  let firm: Company;

  beforeAll(async () => {
    firm = await createCompany({ name: 'Mercier Expertise' });
  });

  const atCodeStep = async (member: TotpMember): Promise<PortalClient> => {
    const browser = browserOn(firm.host);
    const login = await browser.post('/api/auth/login', credentialsOf(member));
    expect(login.body).toEqual({ next: 'totp', methods: ['totp', 'passkey'], trustBrowserDays: 30 });
    return browser;
  };

  /** The answers to `count` wrong codes, one after the other. */
  const wrongCodes = async (browser: PortalClient, member: TotpMember, count: number): Promise<PortalResponse[]> => {
    const answers: PortalResponse[] = [];
    for (let index = 0; index < count; index += 1) {
      answers.push(await browser.post('/api/auth/totp', { code: wrongCode(member.secret) }));
    }
    return answers;
  };

  const rightCode = async (member: TotpMember) => ({ code: codeForStep(member.secret, await currentStepWithMargin()) });

  test('each wrong code says how many attempts are left; after the fifth the sign-in is gone', async () => {
    const member = await memberWithTotp(firm);
    const browser = await atCodeStep(member);

    const answers = await wrongCodes(browser, member, 5);

    for (const answer of answers) expectError(answer, 401, 'invalid_code');
    expect(answers.map((answer) => answer.body.attemptsLeft)).toEqual([4, 3, 2, 1, 0]);
    expectError(await browser.get('/api/auth/state'), 401, 'unauthenticated');
    expectError(await browser.post('/api/auth/totp', await rightCode(member)), 409, 'no_login_in_progress');
  });

  test('twenty wrong codes sent at once to one sign-in are five guesses, not twenty', async () => {
    const member = await memberWithTotp(firm);
    const browser = await atCodeStep(member);

    const answers = await Promise.all(Array.from({ length: 20 }, () => browser.post('/api/auth/totp', { code: wrongCode(member.secret) })));

    const guesses = answers.filter((answer) => answer.status === 401 && answer.body.attemptsLeft > 0);
    expect(guesses.map((answer) => answer.body.attemptsLeft).sort()).toEqual([1, 2, 3, 4]);
    // Had the twenty been counted, ten of them would have locked the factor: the right code signs in instead.
    const verified = await (await atCodeStep(member)).post('/api/auth/totp', await rightCode(member));
    expect(verified.status).toBe(200);
  });

  test('the password is needed again, and then the right code signs in', async () => {
    const member = await memberWithTotp(firm);
    await wrongCodes(await atCodeStep(member), member, 5);
    const again = await atCodeStep(member);

    const verified = await again.post('/api/auth/totp', await rightCode(member));

    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ next: 'done' });
  });

  test('ten wrong codes in a row, across two sign-ins, lock 2FA even for the right code, and the user is mailed', async () => {
    const member = await memberWithTotp(firm);
    await mailbox.waitFor({ to: member.email, containing: '/activate/' });
    await wrongCodes(await atCodeStep(member), member, 5);
    const second = await atCodeStep(member);

    const answers = await wrongCodes(second, member, 5);

    expect(answers.slice(0, 4).map((answer) => [answer.status, answer.body.error, answer.body.attemptsLeft])).toEqual([
      [401, 'invalid_code', 4],
      [401, 'invalid_code', 3],
      [401, 'invalid_code', 2],
      [401, 'invalid_code', 1],
    ]);
    expectError(answers[4], 429, 'totp_locked');
    const right = await second.post('/api/auth/totp', await rightCode(member));
    expectError(right, 429, 'totp_locked');
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);
    const inANewSignIn = await (await atCodeStep(member)).post('/api/auth/totp', await rightCode(member));
    expectError(inANewSignIn, 429, 'totp_locked');
    expect(inANewSignIn.headers['retry-after']).toMatch(/^\d+$/);
    const notice = await mailbox.waitFor({ to: member.email, subject: 'Authentification à deux facteurs bloquée' });
    expect(notice.text).not.toContain('/activate/');
  });

  test('a success starts the count again', async () => {
    const member = await memberWithTotp(firm);
    await wrongCodes(await atCodeStep(member), member, 5);
    const second = await atCodeStep(member);
    await wrongCodes(second, member, 4);
    expect((await second.post('/api/auth/totp', await rightCode(member))).status).toBe(200);
    const third = await atCodeStep(member);

    const answers = await wrongCodes(third, member, 5);

    expect(answers.map((answer) => [answer.status, answer.body.attemptsLeft])).toEqual([
      [401, 4],
      [401, 3],
      [401, 2],
      [401, 1],
      [401, 0],
    ]);
  });
});
