import Redis from 'ioredis';
import { infrastructure } from './infrastructure';

/** Removes a run's keys: the Redis server is shared with other runs and engineers. */
export async function deleteRedisKeys(prefix: string): Promise<void> {
  const redis = new Redis(infrastructure.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
