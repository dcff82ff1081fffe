import { randomBytes, randomUUID } from 'node:crypto';
import { DomainError, ErrorCode } from '@app/contracts';
import { RedisCloser, redisProvider } from '@app/platform';
import { Module } from '@nestjs/common';
import { AnswerKind, AttemptLimits, SIGN_IN_ATTEMPTS, USER_FAILURES_BEFORE_LOCK } from '../../apps/mfa/src/attempts/attempt-limits';
import { MFA_CONFIG, mfaConfigSchema } from '../../apps/mfa/src/config';
import { ServiceContext, startService } from '../support/service-context';

const FIRST_LOCK_SECONDS = 1;
/** Past two timed locks (10 and 20 failures), so that the escalation is seen first. */
const FAILURES_BEFORE_FACTOR_LOCK = 25;

@Module({})
class AttemptLimitsUnderTest {}

/**
 * mfa's limits on codes, in its Lua scripts on the real Redis: per sign-in,
 * per user with escalating timed locks, and the factor lock that only a
 * recovery code lifts. Short lock times, so that the escalation is seen.
 */
describe('mfa: the limits on codes', () => {
  let context: ServiceContext;
  let limits: AttemptLimits;

  beforeAll(async () => {
    context = await startService({
      name: 'mfa',
      module: (environment) => {
        const config = mfaConfigSchema.parse({
          REDIS_URL: environment.redisUrl,
          REDIS_KEY_PREFIX: environment.redisKeyPrefix,
          DATABASE_URL: 'postgres://unused@127.0.0.1/unused',
          SMTP_URL: 'smtp://127.0.0.1:25',
          MFA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
          TOTP_LOCK_SECONDS: FIRST_LOCK_SECONDS,
          TOTP_FAILURES_BEFORE_FACTOR_LOCK: FAILURES_BEFORE_FACTOR_LOCK,
        });
        return {
          module: AttemptLimitsUnderTest,
          providers: [{ provide: MFA_CONFIG, useValue: config }, redisProvider(MFA_CONFIG, 'mfa-spec'), RedisCloser, AttemptLimits],
        };
      },
    });
    limits = context.app.get(AttemptLimits);
  });
  afterAll(() => context?.close());

  /** A wrong answer as the verify use case handles one: admitted, then recorded. @returns the error the user sees. */
  async function wrong(userId: string, attemptId: string, kind: AnswerKind = 'code'): Promise<DomainError> {
    try {
      const counted = await limits.admit(userId, attemptId, kind);
      return (await limits.recordFailure(userId, attemptId, counted, kind)).error;
    } catch (error) {
      return error as DomainError;
    }
  }

  const admitted = (userId: string, attemptId: string, kind: AnswerKind = 'code') =>
    limits.admit(userId, attemptId, kind).then(() => true, () => false);

  const pause = (seconds: number) => new Promise((resolve) => setTimeout(resolve, seconds * 1000 + 100));

  it(`a sign-in takes ${SIGN_IN_ATTEMPTS} answers; the next is refused unchecked, even the right one`, async () => {
    const userId = randomUUID();
    const attemptId = randomUUID();
    const errors: DomainError[] = [];
    for (let answer = 0; answer < SIGN_IN_ATTEMPTS; answer += 1) errors.push(await wrong(userId, attemptId));
    expect(errors.map((error) => error.details?.attemptsLeft)).toEqual([4, 3, 2, 1, 0]);

    expect(await admitted(userId, attemptId)).toBe(false);
    expect(await admitted(userId, randomUUID())).toBe(true);
  });

  it(`${USER_FAILURES_BEFORE_LOCK} failures across sign-ins lock the user, and each lock lasts twice the one before`, async () => {
    const userId = randomUUID();
    let last: DomainError | undefined;
    for (let failure = 0; failure < USER_FAILURES_BEFORE_LOCK; failure += 1) last = await wrong(userId, randomUUID());
    expect(last).toEqual(expect.objectContaining({ code: ErrorCode.TotpLocked, details: { retryAfterSeconds: FIRST_LOCK_SECONDS } }));
    expect(await admitted(userId, randomUUID())).toBe(false);

    await pause(FIRST_LOCK_SECONDS);
    for (let failure = 0; failure < USER_FAILURES_BEFORE_LOCK; failure += 1) last = await wrong(userId, randomUUID());
    expect(last).toEqual(expect.objectContaining({ code: ErrorCode.TotpLocked, details: { retryAfterSeconds: 2 * FIRST_LOCK_SECONDS } }));
  });

  it(`${FAILURES_BEFORE_FACTOR_LOCK} failures in a row lock the factor: codes are refused, a recovery code is still heard and lifts it`, async () => {
    const userId = randomUUID();
    let last: DomainError | undefined;
    for (let failure = 0; failure < FAILURES_BEFORE_FACTOR_LOCK; failure += 1) {
      last = await wrong(userId, randomUUID());
      if (last.code === ErrorCode.TotpLocked) await pause(Number(last.details?.retryAfterSeconds));
    }
    expect(last?.code).toBe(ErrorCode.FactorLocked);
    expect(await wrong(userId, randomUUID())).toEqual(expect.objectContaining({ code: ErrorCode.FactorLocked }));

    const attemptId = randomUUID();
    expect(await admitted(userId, attemptId, 'recovery_code')).toBe(true);
    await limits.recordSuccess(userId, attemptId);
    expect(await admitted(userId, randomUUID())).toBe(true);
  });

  it('a pending enrolment is limited like a sign-in, and never locks the factor it does not have yet', async () => {
    const userId = randomUUID();
    const enrolment = randomUUID();
    for (let failure = 0; failure < SIGN_IN_ATTEMPTS; failure += 1) await wrong(userId, enrolment, 'enrolment');
    expect(await admitted(userId, enrolment, 'enrolment')).toBe(false);
    for (let failure = SIGN_IN_ATTEMPTS; failure <= FAILURES_BEFORE_FACTOR_LOCK; failure += 1) {
      const error = await wrong(userId, randomUUID(), 'enrolment');
      expect(error.code).not.toBe(ErrorCode.FactorLocked);
      if (error.code === ErrorCode.TotpLocked) await pause(Number(error.details?.retryAfterSeconds));
    }
  });

  it('an answer given back (a replayed code) does not count against the sign-in', async () => {
    const userId = randomUUID();
    const attemptId = randomUUID();
    await wrong(userId, attemptId);
    await limits.admit(userId, attemptId);
    const refusal = await limits.giveBack(userId, attemptId);
    expect(refusal.details?.attemptsLeft).toBe(SIGN_IN_ATTEMPTS - 1);
  });
});
