import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { cachedViewOf, sessionIdsOf, storedViewOf } from './user-record';
import { CREATE_SESSION_LUA, END_SESSIONS_LUA, FILL_VIEW_LUA, INVALIDATE_VIEW_LUA } from './user-record.lua';

type RecordRedis = Redis & {
  createSession(key: string, recordKey: string, floorKey: string, now: number, ttlMs: number, endsAt: number, id: string, cv: number, ...fields: string[]): Promise<number>;
  endSessions(keyCount: number, ...keysThenArguments: (string | number)[]): Promise<number>;
  fillView(key: string, now: number, generation: number, validUntil: number, view: string): Promise<number>;
  invalidateView(key: string, now: number, keptUntil: number): Promise<number>;
};

const view = (name: string) => storedViewOf({ user: { id: 'u', email: 'c@example.com', name, google: false, totpEnabled: false }, members: {} });

/** Against the real local Redis, under keys of this run's own. */
describe('the user record', () => {
  let sut: RecordRedis;
  const prefix = `test:user-record:${randomUUID()}:`;
  const recordKey = `${prefix}user`;
  const now = Date.now();

  beforeAll(() => {
    sut = new Redis(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379') as RecordRedis;
    sut.defineCommand('createSession', { numberOfKeys: 3, lua: CREATE_SESSION_LUA });
    sut.defineCommand('endSessions', { lua: END_SESSIONS_LUA });
    sut.defineCommand('fillView', { numberOfKeys: 1, lua: FILL_VIEW_LUA });
    sut.defineCommand('invalidateView', { numberOfKeys: 1, lua: INVALIDATE_VIEW_LUA });
  });

  afterAll(async () => {
    const keys = await sut.keys(`${prefix}*`);
    if (keys.length > 0) await sut.del(...keys);
    await sut.quit();
  });

  const record = async () => (await sut.get(recordKey)) ?? '';

  test('indexes each session of the user, and lives as long as the latest', async () => {
    await sut.createSession(`${prefix}sess:a`, recordKey, `${prefix}floor`, now, 60_000, now + 60_000, 'a', 1, 'uid', 'u', 'cv', '1');
    await sut.createSession(`${prefix}sess:b`, recordKey, `${prefix}floor`, now, 120_000, now + 120_000, 'b', 1, 'uid', 'u', 'cv', '1');

    expect(sessionIdsOf(await record())).toEqual(['a', 'b']);
    expect(await sut.pttl(recordKey)).toBeGreaterThan(60_000);
  });

  test('a fill from the generation it read is written, next to the sessions', async () => {
    expect(await sut.fillView(recordKey, now, 0, now + 60_000, view('Claire'))).toBe(1);

    expect(cachedViewOf(await record(), now, 'u').parts.user).toMatchObject({ id: 'u', name: 'Claire' });
    expect(await record()).not.toContain('"id":"u"');
    expect(sessionIdsOf(await record())).toEqual(['a', 'b']);
  });

  test('the false flags are not stored, and read back as false', async () => {
    const parts = {
      user: { id: 'u', email: 'c@example.com', name: 'Claire', google: false, totpEnabled: true },
      companies: [{ id: 'c', name: 'Cabinet', hosts: ['cabinet.example.com'], requireTotp: false }],
      members: {},
    };

    const stored = storedViewOf(parts);

    expect(stored).not.toContain('false');
    expect(cachedViewOf(`0\t${now + 60_000}\t\t\t${stored}`, now, 'u').parts).toEqual(parts);
  });

  test('a view past its validity reads as none', async () => {
    expect(cachedViewOf(await record(), now + 61_000, 'u').parts).toEqual({ members: {} });
  });

  test('an invalidation drops the view, keeps the sessions and counts one more generation', async () => {
    await sut.invalidateView(recordKey, now, now + 60_000);

    expect(cachedViewOf(await record(), now, 'u')).toEqual({ generation: 1, parts: { members: {} } });
    expect(sessionIdsOf(await record())).toEqual(['a', 'b']);
  });

  test('a fill that read the view before an invalidation is refused: stale data never comes back', async () => {
    const readBefore = cachedViewOf(await record(), now, 'u').generation;
    await sut.invalidateView(recordKey, now, now + 60_000);

    expect(await sut.fillView(recordKey, now, readBefore, now + 60_000, view('stale'))).toBe(0);
    expect(cachedViewOf(await record(), now, 'u').parts.user).toBeUndefined();
  });

  test('ending sessions removes them and their index entries only', async () => {
    await sut.endSessions(2, recordKey, `${prefix}sess:a`, now, 'a');

    expect(await sut.exists(`${prefix}sess:a`)).toBe(0);
    expect(await sut.exists(`${prefix}sess:b`)).toBe(1);
    expect(sessionIdsOf(await record())).toEqual(['b']);
  });

  test('a value of another shape under the key reads as an empty record, and is replaced', async () => {
    const other = `${prefix}other`;
    await sut.set(other, 'not a record');

    await sut.createSession(`${prefix}sess:d`, other, `${prefix}floor`, now, 60_000, now + 60_000, 'd', 1, 'uid', 'u', 'cv', '1');

    expect(sessionIdsOf((await sut.get(other)) ?? '')).toEqual(['d']);
  });

  test('sessions past their end leave the index at the next write', async () => {
    await sut.createSession(`${prefix}sess:c`, recordKey, `${prefix}floor`, now + 121_000, 60_000, now + 181_000, 'c', 1, 'uid', 'u', 'cv', '1');

    expect(sessionIdsOf(await record())).toEqual(['c']);
  });
});

