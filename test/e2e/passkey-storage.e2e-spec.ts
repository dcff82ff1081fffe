import { DomainError, PasskeyPatterns, RequestOf } from '@app/contracts';
import { RpcClient } from '@app/platform';
import { connect, NatsConnection } from 'nats';
import { randomBytes, randomUUID } from 'node:crypto';
import { activeMember, createCompany } from '../support/factories';
import { infrastructure } from '../support/infrastructure';
import { currentRun } from '../support/run-context';

const codeOf = (promise: Promise<unknown>) => promise.then(() => 'ok', (error: DomainError) => error.code);

/**
 * Identity's passkey store, spoken to over NATS as the gateway does: what it
 * keeps per user and RP ID, and the counter rule it enforces itself, so that
 * a gateway's check and its write cannot be raced.
 */
describe('Passkey storage in identity', () => {
  let nats: NatsConnection;
  let sut: RpcClient;
  let userId: string;
  const host = 'dupont.example.com';

  const passkeyFor = (overrides: Partial<RequestOf<typeof PasskeyPatterns.register>> = {}) =>
    sut.request(PasskeyPatterns.register, {
      userId,
      rpId: host,
      credentialId: randomBytes(32).toString('base64url'),
      publicKey: randomBytes(77).toString('base64url'),
      counter: 0,
      transports: ['internal'],
      aaguid: 'fbfc3007-154e-4ecc-8c0b-6e020557d7bd',
      backupEligible: true,
      backedUp: true,
      name: 'iCloud Keychain',
      ...overrides,
    });

  beforeAll(async () => {
    nats = await connect({ servers: infrastructure.natsUrl });
    sut = new RpcClient(nats, currentRun().natsSubjectPrefix, 2000);
    userId = (await activeMember(await createCompany())).userId;
  });

  afterAll(() => nats.close());

  test('a passkey is listed for its user on its RP ID only, and found by credential id there only', async () => {
    const made = await passkeyFor();

    expect(made).toMatchObject({ userId, rpId: host, name: 'iCloud Keychain', backedUp: true, lastUsedAt: null });
    expect((await sut.request(PasskeyPatterns.list, { userId, rpId: host })).map((passkey) => passkey.id)).toContain(made.id);
    expect(await sut.request(PasskeyPatterns.list, { userId, rpId: 'martin.example.com' })).toEqual([]);
    expect(await sut.request(PasskeyPatterns.find, { credentialId: made.credentialId, rpId: host })).toMatchObject({ id: made.id, counter: 0 });
    expect(await codeOf(sut.request(PasskeyPatterns.find, { credentialId: made.credentialId, rpId: 'martin.example.com' }))).toBe('not_found');
  });

  test('a credential id stored once: conflict the second time, even on another host', async () => {
    const made = await passkeyFor();

    expect(await codeOf(passkeyFor({ credentialId: made.credentialId, rpId: 'martin.example.com' }))).toBe('conflict');
  });

  test('an unknown user gets no passkey: not_found', async () => {
    expect(await codeOf(passkeyFor({ userId: randomUUID() }))).toBe('not_found');
  });

  test('a use is recorded only with a counter that moves forward', async () => {
    const { id: passkeyId } = await passkeyFor({ counter: 3 });

    expect(await codeOf(sut.request(PasskeyPatterns.recordUse, { passkeyId, counter: 4, backedUp: false }))).toBe('ok');
    expect(await codeOf(sut.request(PasskeyPatterns.recordUse, { passkeyId, counter: 4, backedUp: false }))).toBe('invalid_passkey');
    expect(await codeOf(sut.request(PasskeyPatterns.recordUse, { passkeyId, counter: 0, backedUp: false }))).toBe('invalid_passkey');
    const [stored] = (await sut.request(PasskeyPatterns.list, { userId, rpId: host })).filter((passkey) => passkey.id === passkeyId);
    expect(stored).toMatchObject({ backedUp: false, lastUsedAt: expect.any(String) });
  });

  test('of ten uses racing with the same counter, one is recorded', async () => {
    const { id: passkeyId } = await passkeyFor({ counter: 1 });

    const outcomes = await Promise.all(
      Array.from({ length: 10 }, () => codeOf(sut.request(PasskeyPatterns.recordUse, { passkeyId, counter: 2, backedUp: true }))),
    );

    expect(outcomes.filter((outcome) => outcome === 'ok')).toHaveLength(1);
  });

  test('a passkey without a counter (always 0) is recorded every time', async () => {
    const { id: passkeyId } = await passkeyFor();

    expect(await codeOf(sut.request(PasskeyPatterns.recordUse, { passkeyId, counter: 0, backedUp: true }))).toBe('ok');
    expect(await codeOf(sut.request(PasskeyPatterns.recordUse, { passkeyId, counter: 0, backedUp: true }))).toBe('ok');
  });

  test("rename and remove need the owner and the passkey's RP ID", async () => {
    const { id: passkeyId } = await passkeyFor();
    const stranger = randomUUID();

    expect(await codeOf(sut.request(PasskeyPatterns.rename, { userId: stranger, rpId: host, passkeyId, name: 'Mine' }))).toBe('not_found');
    expect(await codeOf(sut.request(PasskeyPatterns.remove, { userId, rpId: 'martin.example.com', passkeyId }))).toBe('not_found');
    expect(await sut.request(PasskeyPatterns.rename, { userId, rpId: host, passkeyId, name: 'Phone' })).toMatchObject({ name: 'Phone' });
    expect(await codeOf(sut.request(PasskeyPatterns.remove, { userId, rpId: host, passkeyId }))).toBe('ok');
    expect(await codeOf(sut.request(PasskeyPatterns.remove, { userId, rpId: host, passkeyId }))).toBe('not_found');
  });

  test('a payload the contract refuses: validation_failed', async () => {
    const malformed = { userId, rpId: host, passkeyId: randomUUID(), name: 'two\nlines' };

    expect(await codeOf(sut.request(PasskeyPatterns.rename, malformed))).toBe('validation_failed');
    expect(await codeOf(passkeyFor({ counter: -1 }))).toBe('validation_failed');
  });
});
