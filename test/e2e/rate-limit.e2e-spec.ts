import { expectError } from '../support/api-error';
import { activeMember, browserOn, Company, createCompany, credentialsOf, Member, uniqueEmail } from '../support/factories';
import { anotherMachineAddress, PortalResponse } from '../support/portal-client';

/**
 * Limits assumed from the brief: at most 10 failed attempts per email per 15
 * minutes, at most 30 attempts per address per minute. Each spec file connects
 * from its own loopback address, so these attempts spend no other file's budget.
 */
const MAX_FAILURES_PER_EMAIL = 10;
const MAX_ATTEMPTS_PER_ADDRESS = 30;

describe('Guessing passwords is slowed down', () => {
  let firm: Company;
  let target: Member;
  let bystander: Member;

  beforeAll(async () => {
    firm = await createCompany({ name: 'Chevalier Conseil' });
    target = await activeMember(firm);
    bystander = await activeMember(firm);
  });

  test('after repeated wrong passwords for one email, sign-in answers 429 rate_limited with Retry-After', async () => {
    const answers: PortalResponse[] = [];
    while (answers.length <= MAX_FAILURES_PER_EMAIL && answers.at(-1)?.status !== 429) {
      const guess = `wrong-guess-${answers.length}`;
      answers.push(await browserOn(firm.host).post('/api/auth/login', { email: target.email, password: guess }));
    }

    const limited = answers.pop()!;
    expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 401));
    expectError(limited, 429, 'rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  test('while limited, even the right password is refused', async () => {
    const login = await browserOn(firm.host).post('/api/auth/login', credentialsOf(target));

    expectError(login, 429, 'rate_limited');
    expect(Number(login.headers['retry-after'])).toBeGreaterThan(0);
  });

  test('wrong passwords sent at once from many addresses are counted as they arrive: no more than the limit are checked', async () => {
    const victim = await activeMember(firm);

    const answers = await Promise.all(
      Array.from({ length: 2 * MAX_FAILURES_PER_EMAIL }, (_, index) =>
        browserOn(firm.host, firm.gateway, { sourceAddress: anotherMachineAddress() }).post('/api/auth/login', {
          email: victim.email,
          password: `parallel-guess-${index}`,
        }),
      ),
    );

    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 401)).toHaveLength(MAX_FAILURES_PER_EMAIL);
    expect(statuses.filter((status) => status === 429)).toHaveLength(MAX_FAILURES_PER_EMAIL);
  });

  test('another email signs in as usual', async () => {
    const login = await browserOn(firm.host).post('/api/auth/login', credentialsOf(bystander));

    expect(login.status).toBe(200);
  });

  test('from one address, too many attempts in a minute answer 429 rate_limited with Retry-After', async () => {
    const address = anotherMachineAddress();
    const answers: PortalResponse[] = [];
    while (answers.length <= MAX_ATTEMPTS_PER_ADDRESS && answers.at(-1)?.status !== 429) {
      const browser = browserOn(firm.host, firm.gateway, { sourceAddress: address });
      answers.push(await browser.post('/api/auth/login', { email: uniqueEmail('sprayed'), password: 'Spray-attempt-password' }));
    }

    const limited = answers.pop()!;
    expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 401));
    expectError(limited, 429, 'rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });
});
