import { RECORD_HELPERS } from './user-record.lua';

/**
 * After a password change or reset, or a revocation, the user's credential
 * version is at least ARGV[2]. Every session signed in under an older one
 * ends, and the user's credential floor (a key of its own, kept ARGV[3] ms,
 * longer than any sign-in takes from its password check to its session) makes
 * CREATE_SESSION_LUA refuse any such session still on its way, so a password
 * checked just before the change opens nothing. The session that made the
 * change (ARGV[5], '' for none) is spared and moves to the new version, unless
 * a later change came first. Applying the same revocation twice changes
 * nothing: the gateway that asked applies it, and so does whichever gateway
 * hears identity's announcement. The view is dropped, as the user changed.
 * KEYS[1] the user's record, KEYS[2] the user's credential floor;
 * ARGV: now, credential version, floor kept (ms), key prefix of sessions, spared session id.
 */
export const REVOKE_CREDENTIALS_LUA = `${RECORD_HELPERS}
local now = tonumber(ARGV[1])
local version = tonumber(ARGV[2]) or 0
local floor = tonumber(redis.call('GET', KEYS[2])) or 0
local spared = version >= floor and ARGV[5] or ''
if version > floor then floor = version end
redis.call('SET', KEYS[2], floor, 'PX', ARGV[3])
local generation, _, sessions = load(KEYS[1])
local kept = {}
for _, session in ipairs(sessions) do
  local key = ARGV[4] .. session[1]
  if session[1] == spared then
    if redis.call('EXISTS', key) == 1 then
      redis.call('HSET', key, 'cv', version)
      kept[#kept + 1] = session
    end
  elseif (tonumber(redis.call('HGET', key, 'cv')) or 0) >= floor then
    kept[#kept + 1] = session
  else
    redis.call('DEL', key)
  end
end
-- Kept as long as the floor, so that a fill of the view read before this change sees the new generation.
save(KEYS[1], generation + 1, tostring(now + tonumber(ARGV[3])), kept, '', now)
return 1
`;
