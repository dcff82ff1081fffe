import { PasskeyPatterns } from '@app/contracts';
import { RpcClient } from '@app/platform';
import Redis from 'ioredis';
import { connect, NatsConnection } from 'nats';
import { activeMember, browserOn, createCompany, signedInClient } from '../support/factories';
import { infrastructure } from '../support/infrastructure';
import { waitUntil } from '../support/late-answers';
import { keptKeyOf, registeredPasskey, signInWithPasskey } from '../support/passkeys';
import { currentRun } from '../support/run-context';
import { SoftwareAuthenticator } from '../support/software-authenticator';

/**
 * Claire removes a passkey that has signed in, so the gateway keeps its public
 * key; but the gateway that asked never hears identity's answer (it timed out,
 * or its process died), so it cannot forget the key itself. Here the removal is
 * asked over NATS directly, as that gateway asked it: identity's announcement
 * of the removal is what drops the key, and signs out the sessions the passkey proved.
 */
describe('A passkey removal whose answer the gateway never heard', () => {
  const tablet = new SoftwareAuthenticator();
  const redis = new Redis(infrastructure.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
  let nats: NatsConnection;

  beforeAll(async () => {
    await redis.connect();
    nats = await connect({ servers: infrastructure.natsUrl });
  });

  afterAll(async () => {
    redis.disconnect();
    await nats.close();
  });

  test('drops the public key the gateway kept for it all the same', async () => {
    const firm = await createCompany({ name: 'Cabinet Roussel' });
    const claire = await activeMember(firm);
    const card = await registeredPasskey(await signedInClient(firm, claire), tablet);
    expect((await signInWithPasskey(browserOn(firm.host), tablet)).body).toMatchObject({ next: 'done' });
    const keptKey = keptKeyOf(firm.host, tablet);
    expect(await redis.exists(keptKey)).toBe(1);

    const identity = new RpcClient(nats, currentRun().natsSubjectPrefix, 2000);
    await identity.request(PasskeyPatterns.remove, { userId: claire.userId, rpId: firm.host, passkeyId: card.id });

    expect(await waitUntil(async () => (await redis.exists(keptKey)) === 0)).toBe(true);
  });

  test('signs out the sessions it proved all the same: a lost phone does not stay signed in because an answer was lost', async () => {
    const phone = new SoftwareAuthenticator();
    const firm = await createCompany({ name: 'Cabinet Roussel' });
    const claire = await activeMember(firm);
    const laptop = await signedInClient(firm, claire);
    const card = await registeredPasskey(laptop, phone);
    const lostPhone = browserOn(firm.host);
    expect((await signInWithPasskey(lostPhone, phone)).body).toMatchObject({ next: 'done' });

    const identity = new RpcClient(nats, currentRun().natsSubjectPrefix, 2000);
    await identity.request(PasskeyPatterns.remove, { userId: claire.userId, rpId: firm.host, passkeyId: card.id });

    expect(await waitUntil(async () => (await lostPhone.get('/api/me')).status === 401)).toBe(true);
    expect((await laptop.get('/api/me')).status).toBe(200);
  });
});
