import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { MfaConfig } from '../config';
import { AttemptKeys } from './attempt-keys';
import { LegacyAttemptKeys } from './legacy-attempt-keys';

/** Against the real local Redis, under keys of this run's own. */
describe(LegacyAttemptKeys.name, () => {
  const prefix = `test:legacy-attempts:${randomUUID()}:`;
  const userId = randomUUID();
  let redis: Redis;
  let sut: LegacyAttemptKeys;

  beforeAll(() => {
    redis = new Redis(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', { keyPrefix: prefix });
    sut = new LegacyAttemptKeys(redis, { REDIS_KEY_PREFIX: prefix } as MfaConfig);
  });

  afterAll(async () => {
    // KEYS answers full names, which DEL through this client would prefix again.
    const keys = (await redis.keys(`${prefix}*`)).map((key) => key.slice(prefix.length));
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  test('moves the locks and counters of the versions before hash tags, once, keeping their expiry', async () => {
    await redis.set(`mfa:factor-lock:${userId}`, '1');
    await redis.set(`mfa:lock:${userId}`, '1', 'EX', 900);
    await redis.set(`mfa:attempts:consecutive:${userId}`, '57');
    await redis.set(AttemptKeys.consecutive(userId), '2');

    expect(await sut.moveAll()).toBe(3);
    expect(await sut.moveAll()).toBe(0);

    expect(await redis.get(AttemptKeys.factorLock(userId))).toBe('1');
    expect(await redis.ttl(AttemptKeys.lock(userId))).toBeGreaterThan(890);
    expect(await redis.get(AttemptKeys.consecutive(userId))).toBe('59');
    expect(await redis.exists(`mfa:factor-lock:${userId}`, `mfa:lock:${userId}`, `mfa:attempts:consecutive:${userId}`)).toBe(0);
  });
});
