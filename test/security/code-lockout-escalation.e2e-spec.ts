import { expectError } from '../support/api-error';
import { browserOn, Company, createCompany, credentialsOf, memberWithTotp, TotpMember } from '../support/factories';
import { OwnStack, startOwnStack } from '../support/own-stack';
import { PortalClient, PortalResponse } from '../support/portal-client';
import { codeForStep, currentStepWithMargin, wrongCode } from '../support/totp';

/** Small settings, so that the escalation is seen in seconds: the first lock lasts 2 s, the factor locks at 30 failures. */
const FIRST_LOCK_SECONDS = 2;
const FAILURES_BEFORE_FACTOR_LOCK = 30;

/**
 * An attacker who knows the password and waits out each lock would guess
 * 960 codes a day under a fixed 15-minute lock. Each lock now lasts twice the
 * one before, and a hundred failures in a row (here thirty) lock the factor
 * until a recovery code or an admin (NIST SP 800-63B-4 §3.2.2).
 */
describe('Wrong codes escalate to a locked factor', () => {
  let own: OwnStack;
  let firm: Company;

  beforeAll(async () => {
    own = await startOwnStack('code-lockout', {
      extraEnv: () => ({
        TOTP_LOCK_SECONDS: String(FIRST_LOCK_SECONDS),
        TOTP_FAILURES_BEFORE_FACTOR_LOCK: String(FAILURES_BEFORE_FACTOR_LOCK),
      }),
    });
    firm = await createCompany({ name: 'Escalade Conseil' }, own.gateway);
  });

  afterAll(async () => {
    await own?.dispose();
  });

  const atCodeStep = async (member: TotpMember): Promise<PortalClient> => {
    const browser = browserOn(firm.host, own.gateway);
    expect((await browser.post('/api/auth/login', credentialsOf(member))).body).toEqual({ next: 'totp', methods: ['totp', 'passkey'], trustBrowserDays: 30 });
    return browser;
  };

  /** Wrong codes, in as many sign-ins as needed, until the answer is no longer a plain invalid_code. */
  const guessUntilStopped = async (member: TotpMember): Promise<PortalResponse> => {
    for (;;) {
      const browser = await atCodeStep(member);
      for (let answer = 0; answer < 5; answer++) {
        const reply = await browser.post('/api/auth/totp', { code: wrongCode(member.secret) });
        if (reply.status !== 401) return reply;
        if (reply.body.attemptsLeft === 0) break;
      }
    }
  };

  const waitOut = (locked: PortalResponse) =>
    new Promise((resolve) => setTimeout(resolve, Number(locked.headers['retry-after']) * 1000 + 300));

  const rightCode = async (member: TotpMember) => ({ code: codeForStep(member.secret, await currentStepWithMargin()) });

  test('each lock lasts longer than the one before; then the factor is locked, even to the right code', async () => {
    const member = await memberWithTotp(firm);

    const firstLock = await guessUntilStopped(member);
    expectError(firstLock, 429, 'totp_locked');
    expect(Number(firstLock.headers['retry-after'])).toBe(FIRST_LOCK_SECONDS);
    await waitOut(firstLock);
    const secondLock = await guessUntilStopped(member);
    expectError(secondLock, 429, 'totp_locked');
    expect(Number(secondLock.headers['retry-after'])).toBe(2 * FIRST_LOCK_SECONDS);
    await waitOut(secondLock);

    expectError(await guessUntilStopped(member), 403, 'factor_locked');
    expectError(await (await atCodeStep(member)).post('/api/auth/totp', await rightCode(member)), 403, 'factor_locked');
  });

  test('a recovery code still signs in, and starts the count over', async () => {
    const member = await memberWithTotp(firm);
    await waitOut(await guessUntilStopped(member));
    await waitOut(await guessUntilStopped(member));
    expectError(await guessUntilStopped(member), 403, 'factor_locked');

    const recovered = await (await atCodeStep(member)).post('/api/auth/totp', { recoveryCode: member.recoveryCodes[0] });
    expect(recovered.status).toBe(200);

    const freshLock = await guessUntilStopped(member);
    expectError(freshLock, 429, 'totp_locked');
    expect(Number(freshLock.headers['retry-after'])).toBe(FIRST_LOCK_SECONDS);
  });

  test('a timed lock an intruder set with wrong codes does not keep out her recovery code', async () => {
    const member = await memberWithTotp(firm);
    expectError(await guessUntilStopped(member), 429, 'totp_locked');

    const recovered = await (await atCodeStep(member)).post('/api/auth/totp', { recoveryCode: member.recoveryCodes[0] });

    expect(recovered.status).toBe(200);
  });

  test('wrong recovery codes lock neither her codes nor her recovery codes: 50 bits need no lock, and a lock would be the intruder\'s to set', async () => {
    const member = await memberWithTotp(firm);
    for (let signIn = 0; signIn < 3; signIn++) {
      const browser = await atCodeStep(member);
      for (let answer = 0; answer < 5; answer++) {
        expectError(await browser.post('/api/auth/totp', { recoveryCode: '0000-0000-00' }), 401, 'invalid_code');
      }
    }

    expect((await (await atCodeStep(member)).post('/api/auth/totp', await rightCode(member))).status).toBe(200);
    expect((await (await atCodeStep(member)).post('/api/auth/totp', { recoveryCode: member.recoveryCodes[0] })).status).toBe(200);
  });
});
