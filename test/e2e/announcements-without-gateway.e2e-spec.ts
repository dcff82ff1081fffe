import { IdentityEvents } from '@app/contracts';
import { subjectOf } from '@app/platform';
import { connect, JSONCodec, NatsConnection } from 'nats';
import { expectError } from '../support/api-error';
import { queryDatabase } from '../support/databases';
import { infrastructure } from '../support/infrastructure';
import { activeMember, Company, createCompany, Member, signedInClient, uniqueEmail } from '../support/factories';
import { eventually, waitUntil } from '../support/late-answers';
import { OwnStack, startOwnStack } from '../support/own-stack';
import { PortalClient } from '../support/portal-client';

/**
 * Announcements are kept by NATS (a JetStream work queue) until a gateway
 * handled them: one sent while no gateway runs at all, during a deploy say,
 * still ends the sessions it must end once a gateway starts. A stack of its
 * own, as its only gateway is stopped.
 */
describe('An announcement sent while no gateway runs', () => {
  let own: OwnStack;
  let firm: Company;
  let member: Member;
  let earlierSession: PortalClient;

  const query = <Row>(sql: string, bindings: (string | number)[]) => queryDatabase<Row>(own.settings.databaseUrl, sql, bindings);

  /** Identity's committed change of credentials and its announcement, as if identity died before sending it. */
  async function credentialsChangedUnsent(): Promise<void> {
    const [{ version }] = await query<{ version: number }>('select credential_version + 1 as version from identity.users where id = ?', [member.userId]);
    await query('update identity.users set credential_version = ? where id = ?', [version, member.userId]);
    await query('insert into identity.announcements (pattern, payload) values (?, ?::jsonb)', [
      IdentityEvents.credentialsChanged.pattern,
      JSON.stringify({ userId: member.userId, credentialVersion: version }),
    ]);
  }

  const streamName = () => `${own.settings.natsSubjectPrefix}_announcements`;

  async function withNats<T>(use: (nats: NatsConnection) => Promise<T>): Promise<T> {
    const nats = await connect({ servers: infrastructure.natsUrl });
    try {
      return await use(nats);
    } finally {
      await nats.close();
    }
  }

  const waitingInStream = () => withNats(async (nats) => (await (await nats.jetstreamManager()).streams.info(streamName())).state.messages);

  /** What no service sends: a payload its contract refuses, straight into the stream. */
  function publishMalformed(): Promise<unknown> {
    const subject = subjectOf(own.settings.natsSubjectPrefix, IdentityEvents.credentialsChanged.pattern);
    const packet = { pattern: IdentityEvents.credentialsChanged.pattern, data: { userId: 'not-an-id', credentialVersion: -1 } };
    return withNats((nats) => nats.jetstream().publish(subject, JSONCodec().encode(packet)));
  }

  beforeAll(async () => {
    own = await startOwnStack('no-gateway');
    firm = await createCompany({ name: 'Lambert Conseil' }, own.gateway);
    member = await activeMember(firm);
    earlierSession = await signedInClient(firm, member);
    expect((await earlierSession.get('/api/me')).status).toBe(200);
  }, 120_000);

  afterAll(async () => {
    await own?.dispose();
  });

  test('is sent by identity and kept while the gateway is down', async () => {
    await own.stack.stop('gateway');
    // Ahead of it in the queue, a malformed one must not hold it up.
    await publishMalformed();
    await credentialsChangedUnsent();

    // Identity deletes the row only once NATS stored the announcement.
    const sent = await waitUntil(async () => (await query('select id from identity.announcements where payload->>\'userId\' = ?', [member.userId])).length === 0);
    expect(sent).toBe(true);
  });

  test('the gateway that starts next ends the session signed in before the change', async () => {
    await own.stack.start('gateway');

    expectError(await eventually(() => earlierSession.get('/api/me'), 401), 401, 'unauthenticated');
  });

  test('the malformed one is dropped, and logged, rather than delivered again: nothing waits in the stream', async () => {
    expect(own.stack.process('gateway').logs()).toContain('was dropped: its payload does not match its contract');
    expect(await waitUntil(async () => (await waitingInStream()) === 0)).toBe(true);
  });

  test('a stream deleted under the running processes is made again, and the next announcement arrives', async () => {
    await withNats(async (nats) => (await nats.jetstreamManager()).streams.delete(streamName()));
    const browser = await signedInClient(firm, member);

    const email = uniqueEmail('ines');
    await query('update identity.users set email = ? where id = ?', [email, member.userId]);
    await query('insert into identity.announcements (pattern, payload) values (?, ?::jsonb)', [
      IdentityEvents.userChanged.pattern,
      JSON.stringify({ userId: member.userId }),
    ]);

    expect(await waitUntil(async () => (await browser.get('/api/me')).body.user?.email === email, 15_000)).toBe(true);
  });
});
