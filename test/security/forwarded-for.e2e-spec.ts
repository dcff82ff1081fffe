import { expectError } from '../support/api-error';
import { browserOn, Company, createCompany, uniqueEmail } from '../support/factories';
import { OwnStack, startOwnStack } from '../support/own-stack';
import { PortalResponse } from '../support/portal-client';

const ATTEMPTS_PER_ADDRESS = 5;

/**
 * Behind one proxy that appends the address it saw (TRUST_PROXY=true: one
 * hop), the client writes the left-most X-Forwarded-For entries itself. An
 * attacker who rotates them must not get a fresh per-address budget: the
 * client address is the right-most one not added by a trusted proxy.
 */
describe('Per-address limits follow the address the trusted proxy saw', () => {
  let own: OwnStack;
  let firm: Company;

  beforeAll(async () => {
    own = await startOwnStack('forwarded-for', {
      extraEnv: () => ({ TRUST_PROXY: 'true', LOGIN_ATTEMPTS_PER_IP_PER_MINUTE: String(ATTEMPTS_PER_ADDRESS) }),
    });
    firm = await createCompany({ name: 'Proxy Partenaires' }, own.gateway);
  }, 120_000);

  afterAll(async () => {
    await own?.dispose();
  });

  function loginVia(forwardedFor: string): Promise<PortalResponse> {
    const browser = browserOn(firm.host, own.gateway, { headers: { 'x-forwarded-for': forwardedFor } });
    return browser.post('/api/auth/login', { email: uniqueEmail('guess'), password: 'a-guessed-password' });
  }

  test('rotating the left-most entry does not reset the limit of the address the proxy appended', async () => {
    const answers: PortalResponse[] = [];
    for (let attempt = 0; attempt <= ATTEMPTS_PER_ADDRESS; attempt += 1) {
      answers.push(await loginVia(`198.51.100.${attempt + 1}, 203.0.113.7`));
    }

    expect(answers.slice(0, ATTEMPTS_PER_ADDRESS).map((answer) => answer.status)).toEqual(Array(ATTEMPTS_PER_ADDRESS).fill(401));
    expectError(answers[ATTEMPTS_PER_ADDRESS], 429, 'rate_limited');
  });

  test('another address appended by the proxy has a budget of its own', async () => {
    expectError(await loginVia('203.0.113.7, 203.0.113.8'), 401, 'invalid_credentials');
  });
});
