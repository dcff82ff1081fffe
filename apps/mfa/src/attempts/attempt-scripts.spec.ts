import { runScript } from '@app/platform';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { AttemptKeys } from './attempt-keys';
import type { AnswerKind } from './attempt-limits';
import { ADMIT, RECORD_FAILURE } from './attempt-scripts';

/** The escalation of locks, against the real local Redis under keys of this run's own. */
describe('the attempt scripts', () => {
  const prefix = `test:attempt-scripts:${randomUUID()}:`;
  let redis: Redis;
  let keys: Record<'lock' | 'signIn' | 'streak' | 'consecutive' | 'factorLock', string>;

  const admit = (kind: AnswerKind) =>
    runScript(redis, ADMIT, {
      keys,
      args: { attemptsPerSignIn: 1000, failuresBeforeLock: 10, signInCounterSeconds: 60, userCounterSeconds: 60, kind },
    });
  const fail = () =>
    runScript(redis, RECORD_FAILURE, { keys, args: { failuresBeforeLock: 10, firstLockSeconds: 900, longestLockSeconds: 86_400, failuresBeforeFactorLock: 30 } });

  beforeAll(() => {
    redis = new Redis(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', { keyPrefix: prefix });
    const userId = randomUUID();
    keys = {
      lock: AttemptKeys.lock(userId),
      signIn: AttemptKeys.signIn(userId, 'a'),
      streak: AttemptKeys.user(userId),
      consecutive: AttemptKeys.consecutive(userId),
      factorLock: AttemptKeys.factorLock(userId),
    };
  });

  afterAll(async () => {
    await redis.del(...Object.values(keys));
    await redis.quit();
  });

  test('each timed lock lasts twice the one before, then the factor locks, refusing codes but not recovery codes', async () => {
    const locks: number[] = [];
    for (let failure = 1; failure <= 30; failure += 1) {
      await admit('code');
      const [started, seconds] = await fail();
      if (started === 1 && seconds > 0) locks.push(seconds);
      if (seconds > 0) await redis.del(keys.lock);
    }

    expect(locks).toEqual([900, 1800]);
    expect(await redis.exists(keys.factorLock)).toBe(1);
    expect((await admit('code'))[0]).toBe('factor_locked');
    expect((await admit('recovery_code'))[0]).toBe('admitted');
  });
});
