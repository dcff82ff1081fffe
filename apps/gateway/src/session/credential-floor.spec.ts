import { runScript } from '@app/platform';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { CREATE_SESSION, REVOKE_CREDENTIALS } from './redis-scripts';
import { cachedViewOf, sessionEntriesOf } from './user-record';

/** A change of credentials against sessions signed in before it, and sign-ins still on their way. */
describe('a revocation of credentials', () => {
  let sut: Redis;
  const prefix = `test:credential-floor:${randomUUID()}:`;
  const sessionPrefix = `${prefix}sess:`;
  const now = Date.now();
  let recordKey: string;
  let floorKey: string;

  const create = (entry: string, credentialVersion: number) =>
    runScript(sut, CREATE_SESSION, {
      keys: { session: `${sessionPrefix}${entry}`, record: recordKey, floor: floorKey, forgotten: `${prefix}forgotten:none`, answered: `${prefix}sess:` },
      args: { now, ttlMs: 60_000, endsAt: now + 60_000, entry, credentialVersion, answeredEntry: '' },
      moreArgs: ['uid', 'u', 'cv', String(credentialVersion)],
    });
  const revoke = (credentialVersion: number, sparedEntry = '') =>
    runScript(sut, REVOKE_CREDENTIALS, {
      keys: { record: recordKey, floor: floorKey },
      args: { now, credentialVersion, floorKeptMs: 600_000, sessionPrefix, sparedEntry, spareWeb: '' },
    });
  const alive = async (id: string) => (await sut.exists(`${sessionPrefix}${id}`)) === 1;

  beforeAll(() => {
    sut = new Redis(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');
  });

  beforeEach(() => {
    const user = randomUUID();
    recordKey = `${prefix}user:${user}`;
    floorKey = `${prefix}floor:${user}`;
  });

  afterAll(async () => {
    const keys = await sut.keys(`${prefix}*`);
    if (keys.length > 0) await sut.del(...keys);
    await sut.quit();
  });

  test('ends the sessions signed in under an older version, and only those', async () => {
    await create('old', 1);
    await create('new', 2);

    await revoke(2);

    expect(await alive('old')).toBe(false);
    expect(await alive('new')).toBe(true);
    expect(sessionEntriesOf((await sut.get(recordKey)) ?? '')).toEqual(['new']);
  });

  test('refuses a session whose password was checked before the change, even with no session left', async () => {
    await revoke(2);

    expect(await create('late', 1)).toBe(0);
    expect(await alive('late')).toBe(false);
    expect(await create('fresh', 2)).toBe(1);
  });

  test('keeps the floor for the time it was given, and no more', async () => {
    await revoke(2);

    expect(await sut.pttl(floorKey)).toBeGreaterThan(590_000);
    expect(await sut.pttl(floorKey)).toBeLessThanOrEqual(600_000);
  });

  test('spares the session that made the change, which moves to the new version', async () => {
    await create('changer', 1);
    await create('other', 1);

    await revoke(2, 'changer');

    expect(await alive('other')).toBe(false);
    expect(await sut.hget(`${sessionPrefix}changer`, 'cv')).toBe('2');
    // The same announcement heard again, by another gateway, changes nothing.
    await revoke(2, 'changer');
    expect(await alive('changer')).toBe(true);
  });

  test('spares nothing for a change that a later one overtook', async () => {
    await create('changer', 1);

    await revoke(3);
    await revoke(2, 'changer');

    expect(await alive('changer')).toBe(false);
    expect(await create('between', 2)).toBe(0);
  });

  test('drops the cached view, as the user changed', async () => {
    await create('a', 1);
    const before = cachedViewOf((await sut.get(recordKey)) ?? '', now, 'u').generation;

    await revoke(1);

    expect(cachedViewOf((await sut.get(recordKey)) ?? '', now, 'u')).toEqual({ generation: before + 1, members: {} });
  });
});
