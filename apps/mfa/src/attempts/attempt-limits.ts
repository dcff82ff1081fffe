import { DomainError, ErrorCode } from '@app/contracts';
import { REDIS, RedisClient, runScript } from '@app/platform';
import { Inject, Injectable } from '@nestjs/common';
import { MFA_CONFIG, MfaConfig } from '../config';
import { AttemptKeys } from './attempt-keys';
import { ADMIT, GIVE_BACK, RECORD_FAILURE } from './attempt-scripts';

const { signIn: signInKey, user: userKey, consecutive: consecutiveKey, lock: lockKey, factorLock: factorLockKey } = AttemptKeys;

/** Five guesses of a 6-digit code leave a 1 in 200,000 chance per sign-in. */
export const SIGN_IN_ATTEMPTS = 5;
/** Across sign-ins, so that restarting a sign-in does not buy endless guesses. */
export const USER_FAILURES_BEFORE_LOCK = 10;
/** However many locks came before, a user is never kept waiting more than a day by a timed lock. */
const LONGEST_LOCK_SECONDS = 24 * 60 * 60;
/** Outlives any sign-in the gateway keeps open. */
const SIGN_IN_COUNTER_SECONDS = 60 * 60;
/** Failures a day apart are not one attack. */
const USER_COUNTER_SECONDS = 24 * 60 * 60;

/**
 * The factor lock refuses codes only, never recovery codes (the way back), nor
 * the confirmation of a new factor, which has no recovery codes yet to lift it.
 * Recovery codes are counted for the sign-in only (see ADMIT).
 */
export type AnswerKind = 'code' | 'recovery_code' | 'enrolment';

export interface Failure {
  /** Set for the one failure that locked the factor (for this long; null: until recovery), so that the user is told once. */
  lockStarted: { seconds: number | null } | null;
  /** The answer: totp_locked or factor_locked once locked, else invalid_code with the attempts left. */
  error: DomainError;
}

/**
 * One set of limits for codes, recovery codes and enrolment confirmations
 * alike (an "attempt" is a sign-in or a pending enrolment). Timed locks grow
 * with consecutive failures; past TOTP_FAILURES_BEFORE_FACTOR_LOCK the factor
 * stays locked until a recovery code succeeds or the factor is removed.
 */
@Injectable()
export class AttemptLimits {
  constructor(
    @Inject(REDIS) private readonly redis: RedisClient,
    @Inject(MFA_CONFIG) private readonly config: MfaConfig,
  ) {}

  /**
   * Counts the answer before it is checked: a locked factor refuses even the
   * right code, and a spent attempt stays spent even if the gateway asks again.
   * @returns the answers counted for the attempt, this one included
   * @throws DomainError factor_locked (codes only); totp_locked; invalid_code, unchecked, past the
   * attempt's answers or while the user's other answers under way reach the lock
   */
  async admit(userId: string, attemptId: string, kind: AnswerKind = 'code'): Promise<number> {
    const [verdict, value] = await runScript(this.redis, ADMIT, {
      keys: keysOf(userId, attemptId),
      args: {
        attemptsPerSignIn: SIGN_IN_ATTEMPTS,
        failuresBeforeLock: USER_FAILURES_BEFORE_LOCK,
        signInCounterSeconds: SIGN_IN_COUNTER_SECONDS,
        userCounterSeconds: USER_COUNTER_SECONDS,
        kind,
      },
    });
    if (verdict === 'factor_locked') throw factorLocked();
    if (verdict === 'locked') throw locked(value);
    if (verdict === 'refused') throw wrongAnswer(SIGN_IN_ATTEMPTS - value);
    return value;
  }

  /** @param counted what `admit` answered for this answer */
  async recordFailure(userId: string, attemptId: string, counted: number, kind: AnswerKind = 'code'): Promise<Failure> {
    if (kind === 'recovery_code') return { lockStarted: null, error: wrongAnswer(SIGN_IN_ATTEMPTS - counted) };
    const failuresBeforeFactorLock = kind === 'enrolment' ? Number.MAX_SAFE_INTEGER : this.config.TOTP_FAILURES_BEFORE_FACTOR_LOCK;
    const [started, lockSeconds] = await runScript(this.redis, RECORD_FAILURE, {
      keys: keysOf(userId, attemptId),
      args: {
        failuresBeforeLock: USER_FAILURES_BEFORE_LOCK,
        firstLockSeconds: this.config.TOTP_LOCK_SECONDS,
        longestLockSeconds: LONGEST_LOCK_SECONDS,
        failuresBeforeFactorLock,
      },
    });
    if (lockSeconds === -1) return { lockStarted: { seconds: null }, error: factorLocked() };
    const error = lockSeconds > 0 ? locked(lockSeconds) : wrongAnswer(SIGN_IN_ATTEMPTS - counted);
    return { lockStarted: started === 1 ? { seconds: lockSeconds } : null, error };
  }

  /** For an answer that was not a guess (a replayed code) or could not be checked. @returns the refusal to answer. */
  async giveBack(userId: string, attemptId: string, kind: AnswerKind = 'code'): Promise<DomainError> {
    const failures = await runScript(this.redis, GIVE_BACK, { keys: keysOf(userId, attemptId), args: { kind } });
    return wrongAnswer(SIGN_IN_ATTEMPTS - failures);
  }

  /** A right answer ends the run of failures, and with it the factor lock a recovery code is there to lift. */
  async recordSuccess(userId: string, attemptId: string): Promise<void> {
    await this.redis.del(userKey(userId), signInKey(userId, attemptId), consecutiveKey(userId), factorLockKey(userId));
  }

  /** Without a factor there is nothing left to lock; a new one starts with a clean slate. */
  async forget(userId: string): Promise<void> {
    await this.redis.del(userKey(userId), lockKey(userId), consecutiveKey(userId), factorLockKey(userId));
  }
}

const keysOf = (userId: string, attemptId: string) => ({
  lock: lockKey(userId),
  signIn: signInKey(userId, attemptId),
  streak: userKey(userId),
  consecutive: consecutiveKey(userId),
  factorLock: factorLockKey(userId),
});

function wrongAnswer(attemptsLeft: number): DomainError {
  const message = attemptsLeft > 0 ? 'This code is not valid.' : 'Too many wrong codes: start again.';
  return new DomainError(ErrorCode.InvalidCode, message, { attemptsLeft: Math.max(attemptsLeft, 0) });
}

function locked(retryAfterSeconds: number): DomainError {
  return new DomainError(
    ErrorCode.TotpLocked,
    'Two-factor authentication is locked after too many wrong codes. Try again later.',
    { retryAfterSeconds },
  );
}

function factorLocked(): DomainError {
  return new DomainError(
    ErrorCode.FactorLocked,
    'Two-factor authentication is locked after too many wrong codes: sign in with a recovery code, or ask an admin to turn it off.',
  );
}
