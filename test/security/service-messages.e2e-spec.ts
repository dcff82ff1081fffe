import { IdentityPatterns } from '@app/contracts';
import { RpcClient } from '@app/platform';
import { connect, JSONCodec, NatsConnection, StringCodec } from 'nats';
import { setTimeout as sleep } from 'node:timers/promises';
import { activeMember, createCompany, Member } from '../support/factories';
import { infrastructure } from '../support/infrastructure';
import { metricsPortOf, sampleOf, scrapePort } from '../support/metrics-scrape';
import { OwnStack, startOwnStack } from '../support/own-stack';

const STACK_START_MS = 120_000;
const json = JSONCodec<unknown>();

/**
 * What anyone who can publish on NATS sends a service that is not a request:
 * a body that is not JSON, a packet without an id, one that asks for no
 * answer. Each is refused before any handler runs, the sender who waits hears
 * so at once, and the service goes on. A stack of its own: before, such a
 * message could take a service down.
 */
describe('A service runs requests only', () => {
  let own: OwnStack;
  let nats: NatsConnection;
  let rpc: RpcClient;
  let member: Member;
  const subjectOf = (pattern: string) => `${own.settings.natsSubjectPrefix}.${pattern}`;
  const languageNow = async () => (await rpc.request(IdentityPatterns.getUser, { userId: member.userId })).language;

  beforeAll(async () => {
    own = await startOwnStack('service-messages', { extraEnv: () => ({ METRICS_PORT: '0' }) });
    nats = await connect({ servers: infrastructure.natsUrl });
    rpc = new RpcClient(nats, own.settings.natsSubjectPrefix, 2000);
    member = await activeMember(await createCompany({ name: 'Roux Audit' }, own.gateway), { language: 'fr' });
  }, STACK_START_MS);

  afterAll(async () => {
    await nats?.close();
    await own?.dispose();
  });

  test('a body that is not JSON is answered validation_failed at once, and identity keeps answering', async () => {
    const answer = await nats.request(subjectOf(IdentityPatterns.getUser.pattern), StringCodec().encode('{ not json'), { timeout: 2000 });

    expect(json.decode(answer.data)).toEqual(expect.objectContaining({ err: expect.objectContaining({ code: 'validation_failed' }) }));
    expect(await languageNow()).toBe('fr');
  });

  test('a packet without an id runs no handler: answered validation_failed, the language unchanged', async () => {
    const packet = { pattern: IdentityPatterns.setLanguage.pattern, data: { userId: member.userId, language: 'en' } };

    const answer = await nats.request(subjectOf(IdentityPatterns.setLanguage.pattern), json.encode(packet), { timeout: 2000 });

    expect(json.decode(answer.data)).toEqual(expect.objectContaining({ err: expect.objectContaining({ code: 'validation_failed' }) }));
    expect(await languageNow()).toBe('fr');
  });

  test('a request published without a reply subject runs no handler: the language unchanged', async () => {
    const packet = { pattern: IdentityPatterns.setLanguage.pattern, data: { userId: member.userId, language: 'en' }, id: 'nobody-waits' };

    nats.publish(subjectOf(IdentityPatterns.setLanguage.pattern), json.encode(packet));
    await nats.flush();
    // A handler, had it run, would have written within this.
    await sleep(1000);

    expect(await languageNow()).toBe('fr');
  });

  test('identity counts each refusal under validation_failed', async () => {
    const refusedCount = async () =>
      sampleOf((await scrapePort(metricsPortOf(own.stack, 'identity'))).text, 'portal_nats_messages_handled_total', {
        pattern: IdentityPatterns.setLanguage.pattern,
        outcome: 'validation_failed',
      });
    const subject = subjectOf(IdentityPatterns.setLanguage.pattern);
    const before = await refusedCount();

    await nats.request(subject, StringCodec().encode('{ not json'), { timeout: 2000 });
    await nats.request(subject, json.encode({ pattern: IdentityPatterns.setLanguage.pattern, data: { userId: member.userId, language: 'en' } }), { timeout: 2000 });
    nats.publish(subject, json.encode({ pattern: IdentityPatterns.setLanguage.pattern, data: { userId: member.userId, language: 'en' }, id: 'nobody-waits' }));
    await nats.flush();
    // The last one has no answer to wait for: identity has taken it once its count shows it.
    const deadline = Date.now() + 5000;
    while ((await refusedCount()) < before + 3 && Date.now() < deadline) await sleep(100);

    expect((await refusedCount()) - before).toBe(3);
  });
});
