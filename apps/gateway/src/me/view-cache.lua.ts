/**
 * The cached view of a user is a Redis hash: `user`, `companies`,
 * `member:<companyId>`, and `gen`, a generation bumped at each invalidation. A
 * fill states the generation it read before asking the services and is refused
 * if an invalidation came in between, so a slow fill never writes back stale data.
 */

/** KEYS[1] view; ARGV: ttl seconds. */
export const INVALIDATE_VIEW_LUA = `
for _, field in ipairs(redis.call('HKEYS', KEYS[1])) do
  if field ~= 'gen' then redis.call('HDEL', KEYS[1], field) end
end
redis.call('HINCRBY', KEYS[1], 'gen', 1)
redis.call('EXPIRE', KEYS[1], ARGV[1])
return 1
`;

/** KEYS[1] view; ARGV: generation read ('' for none), ttl seconds, then field, value, ... */
export const FILL_VIEW_LUA = `
local generation = redis.call('HGET', KEYS[1], 'gen') or ''
if generation ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], unpack(ARGV, 3))
redis.call('EXPIRE', KEYS[1], ARGV[2])
return 1
`;
