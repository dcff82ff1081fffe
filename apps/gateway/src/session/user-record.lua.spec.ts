import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { FILL_VIEW_LUA, INVALIDATE_VIEW_LUA } from './view-cache.lua';

type ViewRedis = Redis & {
  fillView(key: string, generation: string, ttl: number, ...fieldsAndValues: string[]): Promise<number>;
  invalidateView(key: string, ttl: number): Promise<number>;
};

/** Against the real local Redis, under a key of this run's own. */
describe('the cached view’s generation guard', () => {
  let sut: ViewRedis;
  const key = `test:view-cache:${randomUUID()}`;

  beforeAll(() => {
    sut = new Redis(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379') as ViewRedis;
    sut.defineCommand('fillView', { numberOfKeys: 1, lua: FILL_VIEW_LUA });
    sut.defineCommand('invalidateView', { numberOfKeys: 1, lua: INVALIDATE_VIEW_LUA });
  });

  afterAll(async () => {
    await sut.del(key);
    await sut.quit();
  });

  test('a fill from the generation it read is written', async () => {
    expect(await sut.fillView(key, '', 60, 'user', '{"name":"Claire"}')).toBe(1);
    expect(await sut.hget(key, 'user')).toBe('{"name":"Claire"}');
  });

  test('an invalidation drops every part but keeps counting generations', async () => {
    await sut.fillView(key, '', 60, 'member:acme', '{"role":"client"}');
    await sut.invalidateView(key, 60);
    expect(await sut.hgetall(key)).toEqual({ gen: '1' });
  });

  test('a fill that read the view before an invalidation is refused: stale data never comes back', async () => {
    const readBefore = (await sut.hget(key, 'gen')) ?? '';
    await sut.invalidateView(key, 60);

    expect(await sut.fillView(key, readBefore, 60, 'user', '{"name":"stale"}')).toBe(0);
    expect(await sut.hget(key, 'user')).toBeNull();
  });
});
