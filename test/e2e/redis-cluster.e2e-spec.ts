import { activeMember, browserOn, Company, createCompany, credentialsOf, memberWithTotp, signedInClient } from '../support/factories';
import { OwnStack, startOwnStack } from '../support/own-stack';
import { RedisTopology, startRedisCluster } from '../support/redis-topologies';
import { codeForStep, currentStepWithMargin } from '../support/totp';

/**
 * The gateway and mfa on a Redis Cluster of 3 masters and 3 replicas: every
 * script and transaction touches the keys of one user, under its hash tag,
 * so none is refused with CROSSSLOT, and a session's keys come from its token.
 */
describe('On a Redis Cluster', () => {
  let cluster: RedisTopology;
  let own: OwnStack;
  let firm: Company;

  beforeAll(async () => {
    cluster = await startRedisCluster();
    own = await startOwnStack('redis-cluster', { extraEnv: () => cluster.env });
    firm = await createCompany({ name: 'Garnier Notaires' }, own.gateway);
  }, 120_000);

  afterAll(async () => {
    await own?.dispose();
    await cluster?.dispose();
  });

  test('a client signs in and reads GET /api/me, many times over, their keys spread over the masters', async () => {
    const members = await Promise.all([1, 2, 3, 4, 5, 6].map(() => activeMember(firm)));

    const browsers = await Promise.all(members.map((member) => signedInClient(firm, member)));

    for (const [index, browser] of browsers.entries()) {
      const me = await browser.get('/api/me');
      expect(me.status).toBe(200);
      expect(me.body).toMatchObject({ user: { email: members[index].email } });
    }
    const keysPerMaster = await Promise.all(cluster.nodes.map((node) => node.cli('DBSIZE')));
    expect(keysPerMaster.filter((count) => Number(count) > 0).length).toBeGreaterThanOrEqual(2);
  });

  test('ending a session and changing the password take effect at once', async () => {
    const member = await activeMember(firm);
    const [laptop, phone, tablet] = [await signedInClient(firm, member), await signedInClient(firm, member), await signedInClient(firm, member)];
    const tabletId = ((await tablet.get('/api/me/sessions')).body as { id: string; current: boolean }[]).find((session) => session.current)!.id;

    expect((await laptop.delete(`/api/me/sessions/${tabletId}`)).status).toBe(204);
    expect((await tablet.get('/api/me')).status).toBe(401);

    const changed = await laptop.post('/api/me/password', { currentPassword: member.password, newPassword: `${member.password}-2` });
    expect(changed.status).toBe(204);
    expect((await phone.get('/api/me')).status).toBe(401);
    expect((await laptop.get('/api/me')).status).toBe(200);
  });

  test('a sign-in with a code step: a wrong code counted by mfa, the right one lets in', async () => {
    const member = await memberWithTotp(firm);
    const browser = browserOn(firm.host, own.gateway);
    expect((await browser.post('/api/auth/login', credentialsOf(member))).body).toEqual({ next: 'totp', methods: ['totp', 'passkey'], trustBrowserDays: 30 });
    const step = await currentStepWithMargin();

    const wrong = await browser.post('/api/auth/totp', { code: codeForStep(member.secret, step + 5) });
    const right = await browser.post('/api/auth/totp', { code: codeForStep(member.secret, step) });

    expect(wrong.status).toBe(401);
    expect(right.status).toBe(200);
    expect((await browser.get('/api/me')).body).toMatchObject({ user: { email: member.email, totpEnabled: true } });
  });

  test('the password limits count on the Cluster (rate-limiter-flexible)', async () => {
    const member = await activeMember(firm);
    const browser = browserOn(firm.host, own.gateway);

    const answers = [];
    for (let attempt = 0; attempt < 11; attempt += 1) {
      answers.push((await browser.post('/api/auth/login', { email: member.email, password: 'Wrong-password-123456' })).status);
    }

    expect(answers.slice(0, 10).every((status) => status === 401)).toBe(true);
    expect(answers[10]).toBe(429);
  });
});
