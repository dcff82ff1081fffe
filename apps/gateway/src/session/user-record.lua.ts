/**
 * Each user has one Redis string, `user:<id>`, that holds the index of their
 * sessions and the cached view of them (see user-record.ts for the layout).
 * One key rather than a set and a hash: a Redis key costs about a hundred
 * bytes before its value, and a hash of long values leaves its compact
 * encoding, so this keeps a web session under a kilobyte.
 *
 * The scripts share these helpers. The record is rewritten whole (a few
 * hundred bytes), and kept until the latest absolute end of its sessions or the
 * end of its view's validity. A session that ended sooner (idle, or its key
 * expired) stays in the index until that end, or until listed; SessionStore
 * treats an index entry without its session as ended.
 */
export const RECORD_HELPERS = `
local function load(key)
  local raw = redis.call('GET', key)
  if not raw then return 0, '', {}, '' end
  local generation, viewUntil, index, view = string.match(raw, '^([^\\t]*)\\t([^\\t]*)\\t([^\\t]*)\\t(.*)$')
  -- Anything else under this key (written by no version of these scripts) reads as an empty record.
  if not generation then return 0, '', {}, '' end
  local sessions = {}
  for id, ends in string.gmatch(index, '([^:,]+):(%d+)') do sessions[#sessions + 1] = { id, tonumber(ends) } end
  return tonumber(generation) or 0, viewUntil, sessions, view
end

local function save(key, generation, viewUntil, sessions, view, now)
  local latest = tonumber(viewUntil) or 0
  local live = {}
  for _, session in ipairs(sessions) do
    if session[2] > now then
      live[#live + 1] = session[1] .. ':' .. session[2]
      if session[2] > latest then latest = session[2] end
    end
  end
  if latest <= now then
    redis.call('DEL', key)
    return
  end
  redis.call('SET', key, generation .. '\\t' .. viewUntil .. '\\t' .. table.concat(live, ',') .. '\\t' .. view, 'PX', latest - now)
end
`;

/**
 * The hot path of every authenticated request, in one Redis round trip:
 * read the session, end it past its absolute lifetime, slide its idle expiry,
 * and read its user's record. KEYS[1] session; ARGV: now (ms), key prefix of records.
 * The record's key is built here from the session's user, so this script
 * assumes one Redis node (or hash tags in a cluster): see the README's scaling notes.
 */
export const READ_SESSION_LUA = `
local fields = redis.call('HGETALL', KEYS[1])
if #fields == 0 then return false end
local f = {}
for i = 1, #fields, 2 do f[fields[i]] = fields[i + 1] end
local now = tonumber(ARGV[1])
local absolute = tonumber(f['abs'])
if absolute <= now then
  redis.call('DEL', KEYS[1])
  return false
end
local idle = tonumber(f['idle'])
if idle > 0 then
  redis.call('HSET', KEYS[1], 'seen', ARGV[1])
  redis.call('PEXPIRE', KEYS[1], math.min(idle, absolute - now))
end
return { fields, redis.call('GET', ARGV[2] .. f['uid']) or '' }
`;

/**
 * Refused (0) when the session's credential version is below its user's
 * credential floor (see credential-floor.lua.ts): its password was checked
 * before a change that ended every session.
 * KEYS[1] session, KEYS[2] its user's record, KEYS[3] the user's credential floor;
 * ARGV: now, session ttl (ms), absolute end (ms), session id, credential version, then field, value, ...
 */
export const CREATE_SESSION_LUA = `${RECORD_HELPERS}
if (tonumber(ARGV[5]) or 0) < (tonumber(redis.call('GET', KEYS[3])) or 0) then return 0 end
local now = tonumber(ARGV[1])
redis.call('HSET', KEYS[1], unpack(ARGV, 6))
redis.call('PEXPIRE', KEYS[1], ARGV[2])
local generation, viewUntil, sessions, view = load(KEYS[2])
sessions[#sessions + 1] = { ARGV[4], tonumber(ARGV[3]) }
save(KEYS[2], generation, viewUntil, sessions, view, now)
return 1
`;

/** KEYS[1] the user's record, KEYS[2..] the sessions to end; ARGV: now, then their ids. */
export const END_SESSIONS_LUA = `${RECORD_HELPERS}
for i = 2, #KEYS do redis.call('DEL', KEYS[i]) end
local ending = {}
for i = 2, #ARGV do ending[ARGV[i]] = true end
local generation, viewUntil, sessions, view = load(KEYS[1])
local kept = {}
for _, session in ipairs(sessions) do
  if not ending[session[1]] then kept[#kept + 1] = session end
end
save(KEYS[1], generation, viewUntil, kept, view, tonumber(ARGV[1]))
return 1
`;

/**
 * A fill states the generation it read before asking the services and is
 * refused if an invalidation came in between, so a slow fill never writes back
 * stale data. KEYS[1] record; ARGV: now, generation read, view valid until (ms), view.
 */
export const FILL_VIEW_LUA = `${RECORD_HELPERS}
local generation, viewUntil, sessions = load(KEYS[1])
if tostring(generation) ~= ARGV[2] then return 0 end
save(KEYS[1], generation, ARGV[3], sessions, ARGV[4], tonumber(ARGV[1]))
return 1
`;

/** Drops the view and counts one more generation; kept at least until ARGV[2], so that fills under way see it. */
export const INVALIDATE_VIEW_LUA = `${RECORD_HELPERS}
local generation, viewUntil, sessions = load(KEYS[1])
save(KEYS[1], generation + 1, ARGV[2], sessions, '', tonumber(ARGV[1]))
return 1
`;

/** Updates fields of a session only while it exists, so a revoked session is never half re-created. */
export const UPDATE_SESSION_LUA = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], unpack(ARGV))
return 1
`;
