import { expectError } from '../support/api-error';
import { expectStatus } from '../support/expect-status';
import { activeMember, Company, createCompany, signedInClient } from '../support/factories';
import { queryRunDatabase } from '../support/databases';
import { PortalClient } from '../support/portal-client';
import { codeForStep, currentStepWithMargin, wrongCode } from '../support/totp';

/** The sign-in code's limits: 5 answers per attempt, 10 wrong in a row lock the factor for 15 minutes. */
const ATTEMPTS_PER_ENROLMENT = 5;
const FAILURES_BEFORE_LOCK = 10;
/** SIGN_IN_MINUTES as the stack runs it. */
const SIGN_IN_MINUTES = 10;

/**
 * Whoever confirms an enrolment proves they hold the secret it showed: a
 * stolen session must not turn the confirmation into an unlimited oracle, nor
 * keep a set-up open for later.
 */
describe('Confirming a TOTP enrolment is limited like a sign-in code', () => {
  let firm: Company;

  beforeAll(async () => {
    firm = await createCompany({ name: 'Serrure Associés' });
  });

  const setUp = async (browser: PortalClient): Promise<string> =>
    (expectStatus(await browser.post('/api/me/totp/setup'), 200, 'totp setup').body as { secret: string }).secret;

  const rightCode = async (secret: string) => ({ code: codeForStep(secret, await currentStepWithMargin()) });

  test('after five wrong codes the set-up is spent: even the right code is refused, a new set-up is needed', async () => {
    const browser = await signedInClient(firm, await activeMember(firm));
    const secret = await setUp(browser);

    for (let index = 0; index < ATTEMPTS_PER_ENROLMENT; index++) {
      expectError(await browser.post('/api/me/totp/confirm', { code: wrongCode(secret) }), 401, 'invalid_code');
    }

    expectError(await browser.post('/api/me/totp/confirm', await rightCode(secret)), 401, 'invalid_code');
    const fresh = await setUp(browser);
    expect((await browser.post('/api/me/totp/confirm', await rightCode(fresh))).status).toBe(200);
  });

  test('wrong codes across set-ups lock the factor with a truthful Retry-After, as at sign-in', async () => {
    const browser = await signedInClient(firm, await activeMember(firm));
    let secret = '';
    for (let index = 0; index < FAILURES_BEFORE_LOCK; index++) {
      if (index % ATTEMPTS_PER_ENROLMENT === 0) secret = await setUp(browser);
      await browser.post('/api/me/totp/confirm', { code: wrongCode(secret) });
    }

    secret = await setUp(browser);
    const locked = await browser.post('/api/me/totp/confirm', await rightCode(secret));
    expectError(locked, 429, 'totp_locked');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(14 * 60);
  });

  test(`a set-up left pending longer than the sign-in (${SIGN_IN_MINUTES} minutes) can no longer be confirmed`, async () => {
    const member = await activeMember(firm);
    const browser = await signedInClient(firm, member);
    const secret = await setUp(browser);
    await queryRunDatabase(
      `update mfa.totp_factors set created_at = now() - interval '${SIGN_IN_MINUTES + 1} minutes'
       where state = 'pending' and user_id = (select id from identity.users where email = ?)`,
      [member.email],
    );

    expectError(await browser.post('/api/me/totp/confirm', await rightCode(secret)), 401, 'invalid_code');
    expect((await browser.get('/api/me')).body.user.totpEnabled).toBe(false);
  });
});
