import { redisScript } from '@app/platform';

/**
 * The Redis scripts behind AttemptLimits, on the keys of one user
 * (AttemptKeys, under the user's hash tag): the timed lock, the sign-in's
 * count, the user's streak (wrong answers since the last lock, forgotten after
 * a day), the user's consecutive failures (since the last right answer, never
 * forgotten), the factor lock (no TTL).
 */
const KEYS = ['lock', 'signIn', 'streak', 'consecutive', 'factorLock'] as const;

/**
 * Every answer is counted before it is checked, for the sign-in and for the
 * user, in one script: answers sent at once, to one sign-in or to several of
 * the user's, cannot all pass a check made before any of them is counted. An
 * answer past either limit is refused unchecked. A recovery code, the way back
 * that NIST SP 800-63B-4 §3.2.2 leaves, is counted for the sign-in only: no
 * lock refuses it, as whoever holds the password could set one with wrong
 * answers (50 bits need none), and its failures lock nothing.
 * `kind` is an AnswerKind; the factor lock refuses codes only.
 * @returns ['factor_locked'] | ['locked', ttl] | ['refused', counted for the sign-in] | ['admitted', counted for the sign-in]
 */
export const ADMIT = redisScript({
  keys: KEYS,
  args: ['attemptsPerSignIn', 'failuresBeforeLock', 'signInCounterSeconds', 'userCounterSeconds', 'kind'],
  body: `
local locks = ARG.kind ~= 'recovery_code'
if ARG.kind == 'code' and redis.call('EXISTS', KEY.factorLock) == 1 then return { 'factor_locked', 0 } end
local lock = redis.call('TTL', KEY.lock)
if locks and lock > 0 then return { 'locked', lock } end
local counted = tonumber(redis.call('GET', KEY.signIn) or 0)
if counted >= tonumber(ARG.attemptsPerSignIn) then return { 'refused', counted } end
if locks and tonumber(redis.call('GET', KEY.streak) or 0) >= tonumber(ARG.failuresBeforeLock) then return { 'refused', counted } end
counted = redis.call('INCR', KEY.signIn)
redis.call('EXPIRE', KEY.signIn, ARG.signInCounterSeconds)
if locks then
  redis.call('INCR', KEY.streak)
  redis.call('EXPIRE', KEY.streak, ARG.userCounterSeconds)
end
return { 'admitted', counted }`,
}).replying<[verdict: 'factor_locked' | 'locked' | 'refused' | 'admitted', value: number]>();

/**
 * A wrong answer, counted at admission. The failure that reaches the
 * consecutive limit locks the factor, and no timed lock stands in the way of a
 * recovery code. Otherwise, at the streak's limit, the streak starts over and
 * the timed lock is set if not already there, so that racing failures start a
 * lock, and its mail, once; each lock lasts twice the one before, up to a cap.
 * @returns [1 if this failure started a lock, lock TTL in seconds (-2: none, -1: the factor lock)]
 */
export const RECORD_FAILURE = redisScript({
  keys: KEYS,
  args: ['failuresBeforeLock', 'firstLockSeconds', 'longestLockSeconds', 'failuresBeforeFactorLock'],
  body: `
local consecutive = redis.call('INCR', KEY.consecutive)
if consecutive >= tonumber(ARG.failuresBeforeFactorLock) and redis.call('SET', KEY.factorLock, '1', 'NX') then
  redis.call('DEL', KEY.streak)
  return { 1, -1 }
end
local started = 0
if tonumber(redis.call('GET', KEY.streak) or 0) >= tonumber(ARG.failuresBeforeLock) then
  redis.call('DEL', KEY.streak)
  local locks = math.max(math.floor(consecutive / tonumber(ARG.failuresBeforeLock)), 1)
  local seconds = math.floor(math.min(tonumber(ARG.firstLockSeconds) * 2 ^ (locks - 1), tonumber(ARG.longestLockSeconds)))
  if redis.call('SET', KEY.lock, '1', 'EX', seconds, 'NX') then started = 1 end
end
return { started, redis.call('TTL', KEY.lock) }`,
}).replying<[started: 0 | 1, lockSeconds: number]>();

/**
 * Gives an answer's counts back, where they still are: a success may have
 * cleared them meanwhile (a recovery code's, counted for the sign-in only, see ADMIT).
 * @returns the answers counted for the sign-in since.
 */
export const GIVE_BACK = redisScript({
  keys: KEYS,
  args: ['kind'],
  body: `
local counted = 0
local keys = { KEY.signIn, KEY.streak }
if ARG.kind == 'recovery_code' then keys = { KEY.signIn } end
for _, key in ipairs(keys) do
  local left = tonumber(redis.call('GET', key) or 0)
  if left > 0 then left = redis.call('DECR', key) end
  if key == KEY.signIn then counted = left end
end
return counted`,
}).replying<number>();
