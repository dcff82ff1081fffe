import { expectError } from '../support/api-error';
import { activeMember, browserOn, Company, createCompany, credentialsOf, Member } from '../support/factories';
import { anotherMachineAddress, PortalResponse } from '../support/portal-client';

/** LOGIN_FAILURES_PER_EMAIL and its 15-minute window, as the stack runs them. */
const MAX_FAILURES_PER_EMAIL = 10;
const LOCK_SECONDS = 15 * 60;

const retryAfterOf = (answer: PortalResponse) => Number(answer.headers['retry-after']);

/** The attacker reads Retry-After to time the next burst: it must be the lock's real remaining time. */
describe('Retry-After tells how long the lock really lasts', () => {
  let firm: Company;
  let victim: Member;

  beforeAll(async () => {
    firm = await createCompany({ name: 'Horloge Conseil' });
    victim = await activeMember(firm);
  });

  const attempt = (password: string) =>
    browserOn(firm.host, firm.gateway, { sourceAddress: anotherMachineAddress() }).post('/api/auth/login', {
      email: victim.email,
      password,
    });

  test('once an email is locked, Retry-After is the time left of the 15 minutes, and it decreases', async () => {
    for (let index = 0; index < MAX_FAILURES_PER_EMAIL; index++) {
      expect((await attempt(`wrong-guess-${index}`)).status).toBe(401);
    }

    const first = await attempt(victim.password);
    expectError(first, 429, 'rate_limited');
    expect(retryAfterOf(first)).toBeGreaterThan(LOCK_SECONDS - 60);
    expect(retryAfterOf(first)).toBeLessThanOrEqual(LOCK_SECONDS);

    await new Promise((resolve) => setTimeout(resolve, 2100));
    const later = await attempt(credentialsOf(victim).password);
    expectError(later, 429, 'rate_limited');
    expect(retryAfterOf(later)).toBeLessThan(retryAfterOf(first));
    expect(retryAfterOf(later)).toBeGreaterThan(LOCK_SECONDS - 60);
  });
});
