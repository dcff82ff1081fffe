import { setTimeout as sleep } from 'node:timers/promises';
import { browserOn, Company, createCompany, credentialsOf, Member, memberWithTotp, signedInClient } from '../support/factories';
import { MobileApp } from '../support/mobile-app';
import { queryDatabase } from '../support/outage-checks';
import { activeMembers, failed, isSuccessOrUnavailable, Outcome, SignInLoad, tally } from '../support/outage-load';
import { OutageStack, startOutageStack } from '../support/outage-stack';
import { anotherMachineAddress, PortalClient } from '../support/portal-client';

/** Everything must work again this long after the dependency is back. */
const RECOVERY_MS = 5000;
/** An answer slower than this is a hang: 503s come within the RPC timeout and its retries. */
const HANG_MS = 5000;
const MEMBERS = 40;

const TABLES = [
  'identity.users',
  'identity.devices',
  'tenancy.companies',
  'tenancy.memberships',
  'mfa.totp_factors',
  'mfa.recovery_codes',
];

/**
 * The stack over a Redis, a NATS and a Postgres of its own, each stopped in
 * turn under a sign-in load (login on the company's host, then GET /api/me),
 * then started again.
 */
describe('Redis, NATS and Postgres stopped under a sign-in load', () => {
  let own: OutageStack;
  let firm: Company;
  let members: Member[];
  let earlierSession: PortalClient;
  let rowsBefore: Record<string, number>;
  let load: SignInLoad;

  const countRows = async () => {
    const counts = await Promise.all(
      TABLES.map(async (table) => [table, (await queryDatabase<{ n: number }>(own.postgres.url, `select count(*)::int as n from ${table}`))[0].n]),
    );
    return Object.fromEntries(counts) as Record<string, number>;
  };

  beforeAll(async () => {
    own = await startOutageStack('outages');
    firm = await createCompany({ name: 'Lemaire Avocats' }, own.gateway);
    members = await activeMembers(firm, MEMBERS);
    load = new SignInLoad(firm, members);
    await memberWithTotp(firm);
    await new MobileApp(own.gateway, { sourceAddress: anotherMachineAddress() }).signIn(credentialsOf(members[0]), '2749');
    earlierSession = await signedInClient(firm, members[1]);
    rowsBefore = await countRows();
  }, 120_000);

  afterEach(async () => {
    await load?.stop();
  });

  afterAll(async () => {
    await own?.dispose();
  });

  test.each([
    { name: 'redis', namedByReadiness: ['redis'] },
    { name: 'nats', namedByReadiness: ['nats', 'identity', 'mfa', 'tenancy'] },
    { name: 'postgres', namedByReadiness: ['postgres'] },
  ] as const)(
    'with $name stopped, requests get 503 with Retry-After (never a 500 or a hang), and all works again within 5 s of its return',
    async ({ name, namedByReadiness }) => {
      const server = own[name];
      load.start();
      await sleep(500);
      await server.stop();
      await sleep(1500);
      const ready = await browserOn(own.gateway.easyAccessHost, own.gateway).get('/health/ready');
      await sleep(1000);
      await server.start();
      const backAt = Date.now();
      await sleep(RECOVERY_MS + 1500);
      const outcomes = await load.stop();

      const meanwhile = outcomes.filter((outcome) => outcome.startedAt < backAt + RECOVERY_MS);
      const afterwards = outcomes.filter((outcome) => outcome.startedAt >= backAt + RECOVERY_MS);
      expect(tally(meanwhile.filter((outcome) => !isSuccessOrUnavailable(outcome)))).toEqual({});
      expect(meanwhile.filter((outcome) => outcome.status === 503).length).toBeGreaterThan(0);
      expect(slowest(meanwhile)).toBeLessThan(HANG_MS);
      expect(tally(failed(afterwards))).toEqual({});
      expect(afterwards.length).toBeGreaterThan(4);
      expect({ status: ready.status, failed: ready.body.failed }).toEqual({ status: 503, failed: expect.arrayContaining([...namedByReadiness]) });
    },
    60_000,
  );

  test('nothing written before the outages is lost: users, memberships, factors, devices, and the session', async () => {
    expect(await countRows()).toEqual(rowsBefore);
    expect(rowsBefore).toMatchObject({ 'identity.devices': 1, 'mfa.totp_factors': 1 });

    const me = await earlierSession.get('/api/me');
    expect({ status: me.status, email: me.body.user?.email }).toEqual({ status: 200, email: members[1].email });
  });

  test('each service told the operator of the Postgres outage once, not every second, and that mails went out again', () => {
    for (const service of ['identity', 'mfa', 'tenancy']) {
      const logs = own.stack.process(service).logs();
      expect({ service, kept: count(logs, 'Mails kept for a later try'), again: count(logs, 'Mails are sent again') }).toEqual({ service, kept: 1, again: 1 });
    }
  });
});

function count(logs: string, words: string): number {
  return logs.split(words).length - 1;
}

function slowest(outcomes: Outcome[]): number {
  return Math.max(0, ...outcomes.map((outcome) => outcome.elapsedMs));
}
