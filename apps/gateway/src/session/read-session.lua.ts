/**
 * The hot path of every authenticated request, in one Redis round trip:
 * read the session, end it past its absolute lifetime, slide its idle expiry,
 * and read the cached parts of the user's view.
 * KEYS[1] session; ARGV: now (ms), key prefix of views.
 * The view key is built here from the session's user, so this script assumes
 * one Redis node (or hash tags in a cluster): see the README's scaling notes.
 */
export const READ_SESSION_LUA = `
local pairs = redis.call('HGETALL', KEYS[1])
if #pairs == 0 then return false end
local f = {}
for i = 1, #pairs, 2 do f[pairs[i]] = pairs[i + 1] end
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
local view = redis.call('HMGET', ARGV[2] .. f['uid'], 'user', 'companies', 'member:' .. (f['cid'] or ''), 'gen')
return { pairs, view }
`;

/** Updates fields of a session only while it exists, so a revoked session is never half re-created. */
export const UPDATE_SESSION_LUA = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], unpack(ARGV))
return 1
`;
