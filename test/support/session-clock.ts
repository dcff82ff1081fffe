import Redis from 'ioredis';
import { infrastructure } from './infrastructure';
import { currentRun } from './run-context';

/**
 * Moves back, by `minutes`, when the user's sessions last proved who is
 * there: what waiting that long would do, without the wait. It rewrites the
 * session hashes' `pv` field (session-codec.ts), as the gateway would after a
 * re-authentication that long ago.
 * @returns how many sessions of the user it aged
 */
export async function ageProofs(userId: string, minutes: number): Promise<number> {
  const redis = new Redis(infrastructure.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    let aged = 0;
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${currentRun().redisKeyPrefix}sess:*`, 'COUNT', 500);
      for (const key of keys) {
        if ((await redis.hget(key, 'uid')) !== userId) continue;
        await redis.hset(key, 'pv', String(Date.now() - minutes * 60_000));
        aged += 1;
      }
      cursor = next;
    } while (cursor !== '0');
    return aged;
  } finally {
    redis.disconnect();
  }
}

/** What Redis holds of each of the user's web sessions that decides its end: the time left before its idle expiry, and its absolute end (ms). */
export async function sessionLimits(userId: string): Promise<{ idleLeftMs: number; absoluteEndsAt: number }[]> {
  const redis = new Redis(infrastructure.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    const limits: { idleLeftMs: number; absoluteEndsAt: number }[] = [];
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${currentRun().redisKeyPrefix}sess:*`, 'COUNT', 500);
      for (const key of keys) {
        const [uid, stage, kind, abs] = await redis.hmget(key, 'uid', 'stage', 'kind', 'abs');
        if (uid !== userId || stage !== 'done' || (kind ?? '') !== '') continue;
        limits.push({ idleLeftMs: await redis.pttl(key), absoluteEndsAt: Number(abs) });
      }
      cursor = next;
    } while (cursor !== '0');
    return limits;
  } finally {
    redis.disconnect();
  }
}
