import { z } from 'zod';
import { checkRedisMode, redisConnectionOf, redisEnv } from './redis-connection';

const schema = redisEnv.superRefine(checkRedisMode);

describe('the Redis variables', () => {
  test('REDIS_URL alone selects one server', () => {
    expect(redisConnectionOf(schema.parse({ REDIS_URL: 'redis://cache:6380' }))).toEqual({ mode: 'server', url: 'redis://cache:6380' });
  });

  test('REDIS_CLUSTER_NODES selects a Cluster, with its seed nodes and password', () => {
    const env = schema.parse({ REDIS_CLUSTER_NODES: 'a:7000,b:7001', REDIS_PASSWORD: 'secret' });

    expect(redisConnectionOf(env)).toEqual({ mode: 'cluster', nodes: [{ host: 'a', port: 7000 }, { host: 'b', port: 7001 }], password: 'secret' });
  });

  test('REDIS_SENTINELS with REDIS_SENTINEL_MASTER selects a Sentinel set', () => {
    const env = schema.parse({ REDIS_SENTINELS: 's1:26379,s2:26379', REDIS_SENTINEL_MASTER: 'portal' });

    expect(redisConnectionOf(env)).toMatchObject({ mode: 'sentinel', master: 'portal', sentinels: [{ host: 's1', port: 26379 }, { host: 's2', port: 26379 }] });
  });

  test.each([
    [{ REDIS_SENTINELS: 's1:26379' }, 'REDIS_SENTINEL_MASTER'],
    [{ REDIS_SENTINELS: 's1:26379', REDIS_SENTINEL_MASTER: 'm', REDIS_CLUSTER_NODES: 'a:7000' }, 'REDIS_SENTINELS'],
    [{ REDIS_CLUSTER_NODES: 'a,b' }, 'REDIS_CLUSTER_NODES'],
    [{ REDIS_KEY_PREFIX: '{portal}:' }, 'REDIS_KEY_PREFIX'],
  ])('%j is refused at boot, naming %s', (env, named) => {
    const parsed = schema.safeParse(env);

    expect(parsed.success).toBe(false);
    expect((parsed.error as z.ZodError).issues.map((issue) => issue.path[0])).toContain(named);
  });
});
