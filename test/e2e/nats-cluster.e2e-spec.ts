import { setTimeout as sleep } from 'node:timers/promises';
import { activeMember, Company, createCompany, signedInClient } from '../support/factories';
import { NatsCluster, streamReplicas } from '../support/nats-cluster';
import { OwnStack, startOwnStack } from '../support/own-stack';

async function eventuallyEqual<T>(read: () => Promise<T>, expected: T, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await read().catch(() => undefined);
    if (JSON.stringify(last) === JSON.stringify(expected)) return;
    await sleep(250);
  }
  expect(last).toEqual(expected);
}

/**
 * The apps on a real 3-node NATS cluster with JetStream (NATS_URL lists the
 * three): requests and announcements go through it, the announcements stream
 * gets the replicas of ANNOUNCEMENTS_REPLICAS once the setting grows, and the
 * product goes on when a node is killed.
 */
describe('On a 3-node NATS cluster', () => {
  let cluster: NatsCluster;
  let own: OwnStack;
  let firm: Company;

  const stream = () => `${own.settings.natsSubjectPrefix}_announcements`;
  const signsIn = async () => {
    const member = await activeMember(firm);
    return (await (await signedInClient(firm, member)).get('/api/me')).status;
  };

  beforeAll(async () => {
    cluster = await NatsCluster.start();
    own = await startOwnStack('nats-cluster', { extraEnv: () => ({ NATS_URL: cluster.url, ANNOUNCEMENTS_REPLICAS: '1' }) });
    firm = await createCompany({ name: 'Fabre Associés' }, own.gateway);
  }, 120_000);

  afterAll(async () => {
    await own?.dispose();
    await cluster?.dispose();
  });

  test('a member is invited, activates and signs in through the cluster', async () => {
    expect(await signsIn()).toBe(200);
    await eventuallyEqual(() => streamReplicas(cluster.url, stream()), { replicas: 1, leader: true });
  });

  test('ANNOUNCEMENTS_REPLICAS raised to 3, a restarted service gives the stream 3 replicas', async () => {
    own.settings.extraEnv = { ...own.settings.extraEnv, ANNOUNCEMENTS_REPLICAS: '3' };
    await own.stack.stop('identity', 'SIGTERM');
    await own.stack.start('identity');

    await eventuallyEqual(() => streamReplicas(cluster.url, stream()), { replicas: 3, leader: true });
  }, 60_000);

  test('with a node killed, members still sign in and the stream keeps a leader', async () => {
    await cluster.kill(0);

    expect(await signsIn()).toBe(200);
    await eventuallyEqual(() => streamReplicas(cluster.url, stream()), { replicas: 3, leader: true });
  }, 60_000);
});
