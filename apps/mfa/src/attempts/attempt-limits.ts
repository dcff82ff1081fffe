import { DomainError, ErrorCode } from '@app/common';
import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { REDIS } from '../redis.provider';

/** Five guesses of a 6-digit code leave a 1 in 200,000 chance per sign-in. */
export const SIGN_IN_ATTEMPTS = 5;
/** Across sign-ins, so that restarting a sign-in does not buy endless guesses. */
export const USER_FAILURES_BEFORE_LOCK = 10;
export const LOCK_SECONDS = 15 * 60;
/** Outlives any sign-in the gateway keeps open. */
const SIGN_IN_COUNTER_SECONDS = 60 * 60;
/** Failures a day apart are not one attack. */
const USER_COUNTER_SECONDS = 24 * 60 * 60;

/**
 * Counts the failure for the sign-in and for the user at once. At the limit the
 * user's count starts over and the lock is set if not already there, so that
 * racing failures start a lock, and its mail, once.
 * @returns [failures of the sign-in, 1 if this failure started the lock, lock TTL in seconds or -2]
 */
const RECORD_FAILURE = `
local signIn = redis.call('INCR', KEYS[1])
redis.call('EXPIRE', KEYS[1], ARGV[1])
local streak = redis.call('INCR', KEYS[2])
redis.call('EXPIRE', KEYS[2], ARGV[2])
local started = 0
if streak >= tonumber(ARGV[3]) then
  redis.call('DEL', KEYS[2])
  if redis.call('SET', KEYS[3], '1', 'EX', ARGV[4], 'NX') then started = 1 end
end
return {signIn, started, redis.call('TTL', KEYS[3])}`;

export interface Failure {
  /** True for the one failure that locked the factor, so that the user is told once. */
  lockStarted: boolean;
  /** The answer: totp_locked once locked, else invalid_code with the attempts left. */
  error: DomainError;
}

/** One set of limits for codes and recovery codes alike. */
@Injectable()
export class AttemptLimits {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  /**
   * Checked before the answer is: a locked factor refuses even the right code,
   * and a spent sign-in stays spent even if the gateway asks again.
   * @throws DomainError totp_locked, or invalid_code with no attempts left
   */
  async assertMayAnswer(userId: string, signInId: string): Promise<void> {
    const [lockSeconds, failures] = await Promise.all([
      this.redis.ttl(lockKey(userId)),
      this.redis.get(signInKey(userId, signInId)),
    ]);
    if (lockSeconds > 0) throw locked(lockSeconds);
    if (Number(failures) >= SIGN_IN_ATTEMPTS) throw wrongAnswer(0);
  }

  async recordFailure(userId: string, signInId: string): Promise<Failure> {
    const [failures, started, lockSeconds] = (await this.redis.eval(
      RECORD_FAILURE,
      3,
      signInKey(userId, signInId),
      userKey(userId),
      lockKey(userId),
      SIGN_IN_COUNTER_SECONDS,
      USER_COUNTER_SECONDS,
      USER_FAILURES_BEFORE_LOCK,
      LOCK_SECONDS,
    )) as [number, number, number];
    const error = lockSeconds > 0 ? locked(lockSeconds) : wrongAnswer(SIGN_IN_ATTEMPTS - failures);
    return { lockStarted: started === 1, error };
  }

  /** A replayed code is refused without counting: it proves the code was known, not guessed. */
  async uncountedRefusal(userId: string, signInId: string): Promise<DomainError> {
    const failures = Number(await this.redis.get(signInKey(userId, signInId)));
    return wrongAnswer(SIGN_IN_ATTEMPTS - failures);
  }

  async recordSuccess(userId: string, signInId: string): Promise<void> {
    await this.redis.del(userKey(userId), signInKey(userId, signInId));
  }

  /** Without a factor there is nothing left to lock; a new one starts with a clean slate. */
  async forget(userId: string): Promise<void> {
    await this.redis.del(userKey(userId), lockKey(userId));
  }
}

const signInKey = (userId: string, signInId: string) => `mfa:attempts:sign-in:${userId}:${signInId}`;
const userKey = (userId: string) => `mfa:attempts:user:${userId}`;
const lockKey = (userId: string) => `mfa:lock:${userId}`;

function wrongAnswer(attemptsLeft: number): DomainError {
  const message =
    attemptsLeft > 0 ? 'This code is not valid.' : 'Too many wrong codes: start signing in again.';
  return new DomainError(ErrorCode.InvalidCode, message, { attemptsLeft: Math.max(attemptsLeft, 0) });
}

function locked(retryAfterSeconds: number): DomainError {
  return new DomainError(
    ErrorCode.TotpLocked,
    'Two-step verification is locked after too many wrong codes. Try again later.',
    { retryAfterSeconds },
  );
}
