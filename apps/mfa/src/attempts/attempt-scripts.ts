/**
 * The Redis scripts behind AttemptLimits. KEYS, always in this order: the
 * timed lock, the sign-in's count, the user's streak (wrong answers since the
 * last lock, forgotten after a day), the user's consecutive failures (since
 * the last right answer, never forgotten), the factor lock (no TTL).
 */

/**
 * Every answer is counted before it is checked, for the sign-in and for the
 * user, in one script: answers sent at once, to one sign-in or to several of
 * the user's, cannot all pass a check made before any of them is counted. An
 * answer past either limit is refused unchecked. A locked factor refuses codes
 * but not recovery codes, the way back that NIST SP 800-63B-4 §3.2.2 leaves.
 * ARGV: attempts per sign-in, failures before a lock, counter TTLs, 1 where the factor lock applies.
 * @returns ['factor_locked'] | ['locked', ttl] | ['refused', counted for the sign-in] | ['admitted', counted for the sign-in]
 */
export const ADMIT = `
if ARGV[5] == '1' and redis.call('EXISTS', KEYS[5]) == 1 then return { 'factor_locked', 0 } end
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
 * A wrong answer, counted at admission. The failure that reaches the
 * consecutive limit locks the factor, and no timed lock stands in the way of a
 * recovery code. Otherwise, at the streak's limit, the streak starts over and
 * the timed lock is set if not already there, so that racing failures start a
 * lock, and its mail, once; each lock lasts twice the one before, up to a cap.
 * ARGV: failures before a lock, first lock seconds, longest lock seconds, failures before the factor lock.
 * @returns [1 if this failure started a lock, lock TTL in seconds (-2: none, -1: the factor lock)]
 */
export const RECORD_FAILURE = `
local consecutive = redis.call('INCR', KEYS[4])
if consecutive >= tonumber(ARGV[4]) and redis.call('SET', KEYS[5], '1', 'NX') then
  redis.call('DEL', KEYS[3])
  return { 1, -1 }
end
local started = 0
if tonumber(redis.call('GET', KEYS[3]) or 0) >= tonumber(ARGV[1]) then
  redis.call('DEL', KEYS[3])
  local locks = math.max(math.floor(consecutive / tonumber(ARGV[1])), 1)
  local seconds = math.floor(math.min(tonumber(ARGV[2]) * 2 ^ (locks - 1), tonumber(ARGV[3])))
  if redis.call('SET', KEYS[1], '1', 'EX', seconds, 'NX') then started = 1 end
end
return { started, redis.call('TTL', KEYS[1]) }`;

/**
 * Gives an answer's counts back, where they still are: a success may have
 * cleared them meanwhile. @returns the answers counted for the sign-in since.
 */
export const GIVE_BACK = `
local counted = 0
for i = 2, 3 do
  local left = tonumber(redis.call('GET', KEYS[i]) or 0)
  if left > 0 then left = redis.call('DECR', KEYS[i]) end
  if i == 2 then counted = left end
end
return counted`;
