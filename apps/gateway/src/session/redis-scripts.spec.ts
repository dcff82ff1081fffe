import { runScript } from '@app/platform';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { CREATE_SESSION, END_SESSIONS, FILL_VIEW, INVALIDATE_VIEW } from './redis-scripts';
import { cachedViewOf, sessionEntriesOf, storedViewOf } from './user-record';

const view = (name: string) => storedViewOf({ user: { id: 'u', email: 'c@example.com', name, google: false, totpEnabled: false }, members: {} });

/** Against the real local Redis, under keys of this run's own. */
describe('the user record', () => {
  let redis: Redis;
  const prefix = `test:user-record:${randomUUID()}:`;
  const recordKey = `${prefix}user`;
  const now = Date.now();
  const sut = {
    createSession: (session: string, record: string, at: number, ttlMs: number, endsAt: number, entry: string, answeredEntry = '') =>
      runScript(redis, CREATE_SESSION, {
        keys: { session, record, floor: `${prefix}floor`, forgotten: `${prefix}forgotten:none`, answered: `${prefix}sess:${answeredEntry}` },
        args: { now: at, ttlMs, endsAt, entry, credentialVersion: 1, answeredEntry },
        moreArgs: ['uid', 'u', 'cv', '1'],
      }),
    endSessions: (entry: string) =>
      runScript(redis, END_SESSIONS, { keys: { record: recordKey }, args: { now }, moreKeys: [`${prefix}sess:${entry}`], moreArgs: [entry] }),
    fillView: (generation: number, view: string) =>
      runScript(redis, FILL_VIEW, { keys: { record: recordKey }, args: { now, generation, validUntil: now + 60_000, view } }),
    invalidateView: () => runScript(redis, INVALIDATE_VIEW, { keys: { record: recordKey }, args: { now, keptUntil: now + 60_000 } }),
  };

  beforeAll(() => {
    redis = new Redis(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');
  });

  afterAll(async () => {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    await redis.quit();
  });

  const record = async () => (await redis.get(recordKey)) ?? '';

  test('indexes each session of the user, and lives as long as the latest', async () => {
    await sut.createSession(`${prefix}sess:a`, recordKey, now, 60_000, now + 60_000, 'a');
    await sut.createSession(`${prefix}sess:b`, recordKey, now, 120_000, now + 120_000, 'b');

    expect(sessionEntriesOf(await record())).toEqual(['a', 'b']);
    expect(await redis.pttl(recordKey)).toBeGreaterThan(60_000);
  });

  test('a fill from the generation it read is written, next to the sessions', async () => {
    expect(await sut.fillView(0, view('Claire'))).toBe(1);

    expect(cachedViewOf(await record(), now, 'u').user).toMatchObject({ id: 'u', name: 'Claire' });
    expect(await record()).not.toContain('"id":"u"');
    expect(sessionEntriesOf(await record())).toEqual(['a', 'b']);
  });

  test('the false flags are not stored, and read back as false', async () => {
    const parts = {
      user: { id: 'u', email: 'c@example.com', name: 'Claire', google: false, totpEnabled: true },
      companies: [{ id: 'c', name: 'Cabinet', hosts: ['cabinet.example.com'], requireTotp: false }],
      members: {},
    };

    const stored = storedViewOf(parts);

    expect(stored).not.toContain('false');
    expect(cachedViewOf(`0\t${now + 60_000}\t\t\t${stored}`, now, 'u')).toEqual({ generation: 0, ...parts });
  });

  test('a view past its validity reads as none', async () => {
    expect(cachedViewOf(await record(), now + 61_000, 'u')).toEqual({ generation: 0, members: {} });
  });

  test('an invalidation drops the view, keeps the sessions and counts one more generation', async () => {
    await sut.invalidateView();

    expect(cachedViewOf(await record(), now, 'u')).toEqual({ generation: 1, members: {} });
    expect(sessionEntriesOf(await record())).toEqual(['a', 'b']);
  });

  test('a fill that read the view before an invalidation is refused: stale data never comes back', async () => {
    const readBefore = cachedViewOf(await record(), now, 'u').generation;
    await sut.invalidateView();

    expect(await sut.fillView(readBefore, view('stale'))).toBe(0);
    expect(cachedViewOf(await record(), now, 'u').user).toBeUndefined();
  });

  test('ending sessions removes them and their index entries only', async () => {
    await sut.endSessions('a');

    expect(await redis.exists(`${prefix}sess:a`)).toBe(0);
    expect(await redis.exists(`${prefix}sess:b`)).toBe(1);
    expect(sessionEntriesOf(await record())).toEqual(['b']);
  });

  test('a session that answers a sign-in\'s step ends it, and a second answer to that step opens nothing', async () => {
    await sut.createSession(`${prefix}sess:step`, recordKey, now, 60_000, now + 60_000, 'step');

    expect(await sut.createSession(`${prefix}sess:first`, recordKey, now, 60_000, now + 60_000, 'first', 'step')).toBe(1);
    expect(await sut.createSession(`${prefix}sess:second`, recordKey, now, 60_000, now + 60_000, 'second', 'step')).toBe(3);

    expect(await redis.exists(`${prefix}sess:step`, `${prefix}sess:second`)).toBe(0);
    expect(sessionEntriesOf(await record())).toEqual(['b', 'first']);
    await sut.endSessions('first');
  });

  test('a value of another shape under the key reads as an empty record, and is replaced', async () => {
    const other = `${prefix}other`;
    await redis.set(other, 'not a record');

    await sut.createSession(`${prefix}sess:d`, other, now, 60_000, now + 60_000, 'd');

    expect(sessionEntriesOf((await redis.get(other)) ?? '')).toEqual(['d']);
  });

  test('sessions past their end leave the index at the next write', async () => {
    await sut.createSession(`${prefix}sess:c`, recordKey, now + 121_000, 60_000, now + 181_000, 'c');

    expect(sessionEntriesOf(await record())).toEqual(['c']);
  });
});

