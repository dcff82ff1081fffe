import { DomainError, ErrorCode, REDIS } from '@app/common';
import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';

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
 * Every answer is counted before it is checked, for the sign-in and for the
 * user, in one script: answers sent at once, to one sign-in or to several of
 * the user's, cannot all pass a check made before any of them is counted. An
 * answer past either limit is refused unchecked; a right one then clears the
 * counts, a replayed one (or one that could not be checked) gives its counts back.
 * KEYS: lock, sign-in count, user's streak. ARGV: attempts per sign-in, failures before the lock, TTLs.
 * @returns ['locked', ttl] | ['refused', answers counted for the sign-in] | ['admitted', answers counted for the sign-in]
 */
const ADMIT = `
local lock = redis.call('TTL', KEYS[1])
if lock > 0 then return { 'locked', lock } end
local counted = tonumber(redis.call('GET', KEYS[2]) or 0)
if counted >= tonumber(ARGV[1]) then return { 'refused', counted } end
if tonumber(redis.call('GET', KEYS[3]) or 0) >= tonumber(ARGV[2]) then return { 'refused', counted } end
counted = redis.call('INCR', KEYS[2])
redis.call('EXPIRE', KEYS[2], ARGV[3])
redis.call('INCR', KEYS[3])
redis.call('EXPIRE', KEYS[3], ARGV[4])
return { 'admitted', counted }`;

/**
 * A wrong answer, counted at admission: at the limit the user's streak starts
 * over and the lock is set if not already there, so that racing failures start
 * a lock, and its mail, once.
 * @returns [1 if this failure started the lock, lock TTL in seconds or -2]
 */
const RECORD_FAILURE = `
local started = 0
if tonumber(redis.call('GET', KEYS[3]) or 0) >= tonumber(ARGV[1]) then
  redis.call('DEL', KEYS[3])
  if redis.call('SET', KEYS[1], '1', 'EX', ARGV[2], 'NX') then started = 1 end
end
return { started, redis.call('TTL', KEYS[1]) }`;

/**
 * Gives an answer's counts back, where they still are: a success may have
 * cleared them meanwhile. @returns the answers counted for the sign-in since.
 */
const GIVE_BACK = `
local counted = 0
for i = 2, 3 do
  local left = tonumber(redis.call('GET', KEYS[i]) or 0)
  if left > 0 then left = redis.call('DECR', KEYS[i]) end
  if i == 2 then counted = left end
end
return counted`;

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
   * Counts the answer before it is checked: a locked factor refuses even the
   * right code, and a spent sign-in stays spent even if the gateway asks again.
   * @returns the answers counted for the sign-in, this one included
   * @throws DomainError totp_locked; invalid_code, unchecked, past the sign-in's
   * attempts or while the user's other answers under way reach the lock
   */
  async admit(userId: string, signInId: string): Promise<number> {
    const [verdict, value] = (await this.redis.eval(
      ADMIT,
      3,
      ...keysOf(userId, signInId),
      SIGN_IN_ATTEMPTS,
      USER_FAILURES_BEFORE_LOCK,
      SIGN_IN_COUNTER_SECONDS,
      USER_COUNTER_SECONDS,
    )) as [string, number];
    if (verdict === 'locked') throw locked(value);
    if (verdict === 'refused') throw wrongAnswer(SIGN_IN_ATTEMPTS - value);
    return value;
  }

  /** @param counted what `admit` answered for this answer */
  async recordFailure(userId: string, signInId: string, counted: number): Promise<Failure> {
    const [started, lockSeconds] = (await this.redis.eval(
      RECORD_FAILURE,
      3,
      ...keysOf(userId, signInId),
      USER_FAILURES_BEFORE_LOCK,
      LOCK_SECONDS,
    )) as [number, number];
    const error = lockSeconds > 0 ? locked(lockSeconds) : wrongAnswer(SIGN_IN_ATTEMPTS - counted);
    return { lockStarted: started === 1, error };
  }

  /** For an answer that was not a guess (a replayed code) or could not be checked. @returns the refusal to answer. */
  async giveBack(userId: string, signInId: string): Promise<DomainError> {
    const failures = (await this.redis.eval(GIVE_BACK, 3, ...keysOf(userId, signInId))) as number;
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
const keysOf = (userId: string, signInId: string) => [lockKey(userId), signInKey(userId, signInId), userKey(userId)];

function wrongAnswer(attemptsLeft: number): DomainError {
  const message =
    attemptsLeft > 0 ? 'This code is not valid.' : 'Too many wrong codes: start signing in again.';
  return new DomainError(ErrorCode.InvalidCode, message, { attemptsLeft: Math.max(attemptsLeft, 0) });
}

function locked(retryAfterSeconds: number): DomainError {
  return new DomainError(
    ErrorCode.TotpLocked,
    'Two-factor authentication is locked after too many wrong codes. Try again later.',
    { retryAfterSeconds },
  );
}
