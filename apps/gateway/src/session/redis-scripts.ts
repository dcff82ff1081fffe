import { redisScript } from '@app/platform';

/**
 * Every script of the gateway. Those of sessions and views touch the keys of
 * one user (RedisKeys: all under the user's hash tag). The user's record is one Redis string that holds the
 * index of their sessions and their cached view (layout in user-record.ts):
 * one key rather than a set and a hash, since a Redis key costs about a
 * hundred bytes before its value and a hash of long values leaves its compact
 * encoding; this keeps a web session under a kilobyte.
 *
 * The record is rewritten whole (a few hundred bytes), and kept until the
 * latest absolute end of its sessions or the end of its view's validity. A
 * session that ended sooner (idle, or its key expired) stays in the index
 * until that end, or until listed; SessionStore treats an index entry without
 * its session as ended.
 */
const RECORD = `
local function load(key)
  local raw = redis.call('GET', key)
  if not raw then return 0, '', {}, '' end
  local generation, viewUntil, index, view = string.match(raw, '^([^\\t]*)\\t([^\\t]*)\\t([^\\t]*)\\t(.*)$')
  -- Anything else under this key (written by no version of these scripts) reads as an empty record.
  if not generation then return 0, '', {}, '' end
  local sessions = {}
  for entry, ends in string.gmatch(index, '([^:,]+):(%d+)') do sessions[#sessions + 1] = { entry, tonumber(ends) } end
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
 * The hot path of every authenticated request, in one round trip: read the
 * session, end it past its absolute lifetime, slide its idle expiry, and read
 * its user's record. @returns the session's fields and the record, or null.
 */
export const READ_SESSION = redisScript({
  keys: ['session', 'record'],
  args: ['now'],
  body: `
local fields = redis.call('HGETALL', KEY.session)
if #fields == 0 then return false end
local f = {}
for i = 1, #fields, 2 do f[fields[i]] = fields[i + 1] end
local now = tonumber(ARG.now)
local absolute = tonumber(f['abs'])
if absolute <= now then
  redis.call('DEL', KEY.session)
  return false
end
local idle = tonumber(f['idle'])
if idle > 0 then
  redis.call('HSET', KEY.session, 'seen', ARG.now)
  redis.call('PEXPIRE', KEY.session, math.min(idle, absolute - now))
end
return { fields, redis.call('GET', KEY.record) or '' }`,
}).replying<[string[], string] | null>();

/**
 * Refused (0) when the session's credential version is below its user's
 * credential floor (see REVOKE_CREDENTIALS): its password was checked before a
 * change that ended every session. Refused (2) when its device was forgotten
 * (SessionStore.deleteOfDevice): identity checked the unlock before the device
 * was revoked, and its token would outlive the forget. A web session names the
 * key of no device, which is never set. Refused (3) when it answers a step of
 * a sign-in (`answeredEntry`, '' for none) that is gone: another answer to
 * the same step ended it first, so that a step opens one session however
 * many answers race. MORE_ARGS: field, value, …
 */
export const CREATE_SESSION = redisScript({
  keys: ['session', 'record', 'floor', 'forgotten', 'answered'],
  args: ['now', 'ttlMs', 'endsAt', 'entry', 'credentialVersion', 'answeredEntry'],
  body: `${RECORD}
if (tonumber(ARG.credentialVersion) or 0) < (tonumber(redis.call('GET', KEY.floor)) or 0) then return 0 end
if redis.call('EXISTS', KEY.forgotten) == 1 then return 2 end
if ARG.answeredEntry ~= '' and redis.call('DEL', KEY.answered) == 0 then return 3 end
local now = tonumber(ARG.now)
redis.call('HSET', KEY.session, unpack(MORE_ARGS))
redis.call('PEXPIRE', KEY.session, ARG.ttlMs)
local generation, viewUntil, indexed, view = load(KEY.record)
local sessions = {}
for _, session in ipairs(indexed) do
  if session[1] ~= ARG.answeredEntry then sessions[#sessions + 1] = session end
end
sessions[#sessions + 1] = { ARG.entry, tonumber(ARG.endsAt) }
save(KEY.record, generation, viewUntil, sessions, view, now)
return 1`,
}).replying<0 | 1 | 2 | 3>();

/** Updates fields of a session only while it exists, so a revoked session is never half re-created. MORE_ARGS: field, value, … */
export const UPDATE_SESSION = redisScript({
  keys: ['session'],
  args: ['now'],
  body: `
if redis.call('EXISTS', KEY.session) == 0 then return 0 end
redis.call('HSET', KEY.session, unpack(MORE_ARGS))
-- Shorter limits (a switch into a company that chose them) hold from now, not from the next request.
local idle = tonumber(redis.call('HGET', KEY.session, 'idle')) or 0
if idle > 0 then
  local left = math.max(1, math.min(idle, tonumber(redis.call('HGET', KEY.session, 'abs')) - tonumber(ARG.now)))
  if redis.call('PTTL', KEY.session) > left then redis.call('PEXPIRE', KEY.session, left) end
end
return 1`,
}).replying<0 | 1>();

/** MORE_KEYS: the sessions to end; MORE_ARGS: their entries in the index. */
export const END_SESSIONS = redisScript({
  keys: ['record'],
  args: ['now'],
  body: `${RECORD}
for _, key in ipairs(MORE_KEYS) do redis.call('DEL', key) end
local ending = {}
for _, entry in ipairs(MORE_ARGS) do ending[entry] = true end
local generation, viewUntil, sessions, view = load(KEY.record)
local kept = {}
for _, session in ipairs(sessions) do
  if not ending[session[1]] then kept[#kept + 1] = session end
end
save(KEY.record, generation, viewUntil, kept, view, tonumber(ARG.now))
return 1`,
}).replying<1>();

/**
 * A fill states the generation it read before asking the services and is
 * refused if an invalidation came in between, so a slow fill never writes back stale data.
 */
export const FILL_VIEW = redisScript({
  keys: ['record'],
  args: ['now', 'generation', 'validUntil', 'view'],
  body: `${RECORD}
local generation, viewUntil, sessions = load(KEY.record)
if tostring(generation) ~= ARG.generation then return 0 end
save(KEY.record, generation, ARG.validUntil, sessions, ARG.view, tonumber(ARG.now))
return 1`,
}).replying<0 | 1>();

/** Drops the view and counts one more generation; kept at least until `keptUntil`, so that fills under way see it. */
export const INVALIDATE_VIEW = redisScript({
  keys: ['record'],
  args: ['now', 'keptUntil'],
  body: `${RECORD}
local generation, viewUntil, sessions = load(KEY.record)
save(KEY.record, generation + 1, ARG.keptUntil, sessions, '', tonumber(ARG.now))
return 1`,
}).replying<1>();

/**
 * After a password change or reset, or a revocation, the user's credential
 * version is at least `credentialVersion`. Every session signed in under an
 * older one ends, and the user's credential floor (kept `floorKeptMs`, longer
 * than any sign-in takes from its password check to its session) makes
 * CREATE_SESSION refuse any such session still on its way, so a password
 * checked just before the change opens nothing. The session that made the
 * change (`sparedEntry`, '' for none) is spared and moves to the new version,
 * unless a later change came first. Applying the same revocation twice changes
 * nothing: the gateway that asked applies it, and so does whichever gateway
 * hears identity's announcement. The view is dropped, as the user changed.
 * The sessions' keys are `sessionPrefix` and their entry: under the user's
 * hash tag, in the slot of the record.
 */
export const REVOKE_CREDENTIALS = redisScript({
  keys: ['record', 'floor'],
  args: ['now', 'credentialVersion', 'floorKeptMs', 'sessionPrefix', 'sparedEntry', 'spareWeb'],
  body: `${RECORD}
local now = tonumber(ARG.now)
local version = tonumber(ARG.credentialVersion) or 0
local floor = tonumber(redis.call('GET', KEY.floor)) or 0
local spared = version >= floor and ARG.sparedEntry or ''
-- A password change whose user chose to keep their other signed-in web sessions; void if a newer change came first.
local spareWeb = version >= floor and ARG.spareWeb == '1'
local function signedInOnWeb(key)
  local kind = redis.call('HGET', key, 'kind')
  return (not kind or kind == '') and redis.call('HGET', key, 'stage') == 'done'
end
if version > floor then floor = version end
redis.call('SET', KEY.floor, floor, 'PX', ARG.floorKeptMs)
local generation, _, sessions = load(KEY.record)
local kept = {}
for _, session in ipairs(sessions) do
  local key = ARG.sessionPrefix .. session[1]
  if session[1] == spared or (spareWeb and signedInOnWeb(ARG.sessionPrefix .. session[1])) then
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
save(KEY.record, generation + 1, tostring(now + tonumber(ARG.floorKeptMs)), kept, '', now)
return 1`,
}).replying<1>();

/** Takes one hit back, never below zero: a reset may have come in between. */
export const GIVE_BACK_HIT = redisScript({
  keys: ['counter'],
  args: [],
  body: `if tonumber(redis.call('GET', KEY.counter) or 0) > 0 then redis.call('DECR', KEY.counter) end`,
}).replying<null>();

/** Deletes a counter of hits unless it is over `max`: counting the attempt under way, at most `max` left it unlocked. */
export const RESET_UNLESS_OVER = redisScript({
  keys: ['counter'],
  args: ['max'],
  body: `if tonumber(redis.call('GET', KEY.counter) or 0) <= tonumber(ARG.max) then redis.call('DEL', KEY.counter) end`,
}).replying<null>();

/** Deletes a device's pending unlock challenge only when it is the one presented: a wrong guess does not void the device's own. */
export const CONSUME_UNLOCK_CHALLENGE = redisScript({
  keys: ['challenge'],
  args: ['digest'],
  body: `if redis.call('GET', KEY.challenge) == ARG.digest then return redis.call('DEL', KEY.challenge) end return 0`,
}).replying<0 | 1>();

/**
 * The browser and address a web session was last used from (`ua`, `ip`, beside the session's own fields,
 * which the codec ignores), written only into a session that still exists: a late write must not bring back
 * an ended one without its expiry.
 */
export const NOTE_SIGHTING = redisScript({
  keys: ['session'],
  args: ['device', 'address'],
  body: `if redis.call('EXISTS', KEY.session) == 0 then return 0 end
redis.call('HSET', KEY.session, 'ua', ARG.device, 'ip', ARG.address)
return 1`,
}).replying<0 | 1>();
