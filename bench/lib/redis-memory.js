'use strict';

/**
 * Key families of the product's Redis that grow with web sessions
 * (apps/gateway/src/session/session.store.ts): each session, and its user's
 * record (the session index and the cached view).
 */
const SESSION_KINDS = ['sess', 'user'];

async function usedMemory(redis) {
  const info = await redis.info('memory');
  return Number(/^used_memory:(\d+)/m.exec(info)[1]);
}

async function scanKeys(redis, pattern, onBatch) {
  let cursor = '0';
  do {
    const [nextCursor, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    cursor = nextCursor;
    if (keys.length > 0) await onBatch(keys);
  } while (cursor !== '0');
}

/** How many web sessions (and mobile access tokens) this run's stack holds. */
async function countSessions(redis, keyPrefix) {
  let count = 0;
  await scanKeys(redis, `${keyPrefix}sess:*`, (keys) => (count += keys.length));
  return count;
}

/**
 * MEMORY USAGE of this run's session keys and user records: unlike
 * used_memory, blind to other clients of the same Redis.
 * @returns {Promise<Record<string, {keys: number, bytes: number}>>}
 */
async function sessionKeyBytes(redis, keyPrefix) {
  const kinds = {};
  for (const kind of SESSION_KINDS) {
    const totals = { keys: 0, bytes: 0 };
    await scanKeys(redis, `${keyPrefix}${kind}:*`, async (keys) => {
      const pipeline = redis.pipeline();
      keys.forEach((key) => pipeline.memory('USAGE', key, 'SAMPLES', 0));
      const replies = await pipeline.exec();
      totals.keys += keys.length;
      replies.forEach(([, size]) => (totals.bytes += Number(size ?? 0)));
    });
    kinds[kind] = totals;
  }
  return kinds;
}

async function deleteKeys(redis, keyPrefix) {
  await scanKeys(redis, `${keyPrefix}*`, (keys) => redis.unlink(...keys));
}

module.exports = { usedMemory, countSessions, sessionKeyBytes, deleteKeys };
