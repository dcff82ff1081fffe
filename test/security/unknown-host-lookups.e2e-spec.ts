import { IdentityPatterns } from '@app/contracts';
import { setTimeout as sleep } from 'node:timers/promises';
import { expectError } from '../support/api-error';
import { browserOn, operatorClient } from '../support/factories';
import { METRICS_AUTHORIZATION, sampleOf } from '../support/metrics-scrape';
import { OwnStack, startOwnStack } from '../support/own-stack';

const STACK_START_MS = 120_000;
const REQUESTS = 50;
const RESOLVE_HOST = { pattern: 'tenancy.company.resolve-host' };

const randomLabel = () => Math.random().toString(36).slice(2, 10);

/**
 * Each request on a host the gateway does not know asks tenancy (NATS, then
 * Postgres). An attacker aiming many requests at one unknown host must not
 * turn each into a lookup. A stack of its own, so that only this spec's
 * lookups are counted.
 */
describe('An unknown host is remembered briefly', () => {
  let own: OwnStack;

  beforeAll(async () => {
    own = await startOwnStack('unknown-hosts');
  }, STACK_START_MS);

  afterAll(async () => {
    await own?.dispose();
  });

  /** The gateway's own count of the host lookups it sent to tenancy. */
  const lookups = async () => {
    const answer = await browserOn(own.gateway.easyAccessHost, own.gateway).get('/metrics', { headers: METRICS_AUTHORIZATION });
    expect(answer.status).toBe(200);
    return sampleOf(answer.text, 'portal_nats_requests_total', RESOLVE_HOST);
  };

  test(`${REQUESTS} requests in a row on one unknown host: every one 404 unknown_portal, at most two lookups`, async () => {
    const host = `nobody-${randomLabel()}.test`;
    const before = await lookups();

    for (let sent = 0; sent < REQUESTS; sent += 1) {
      expectError(await browserOn(host, own.gateway).get('/api/auth/state'), 404, 'unknown_portal');
    }

    expect((await lookups()) - before).toBeLessThanOrEqual(2);
  });

  test(`${REQUESTS} requests at once on one unknown host: at most two lookups`, async () => {
    const host = `nobody-${randomLabel()}.test`;
    const before = await lookups();

    const answers = await Promise.all(Array.from({ length: REQUESTS }, () => browserOn(host, own.gateway).get('/api/auth/state')));

    expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 404));
    expect((await lookups()) - before).toBeLessThanOrEqual(2);
  });

  test('a name longer than DNS allows (253 characters): 404 unknown_portal like any unknown host, and no lookup', async () => {
    // 254 characters, and the client adds its port: each label is within DNS's 63.
    const host = ['a'.repeat(63), 'b'.repeat(63), 'c'.repeat(63), 'd'.repeat(62)].join('.');
    const before = await lookups();

    expectError(await browserOn(host, own.gateway).get('/api/auth/state'), 404, 'unknown_portal');

    expect((await lookups()) - before).toBe(0);
  });

  // The health checks ask each service, which asks its database: a stranger's flood of them must not become one each.
  test(`${REQUESTS} readiness checks at once, on any host and without a token: each service is asked once or twice`, async () => {
    const healthChecks = async () => {
      const answer = await browserOn(own.gateway.easyAccessHost, own.gateway).get('/metrics', { headers: METRICS_AUTHORIZATION });
      return sampleOf(answer.text, 'portal_nats_requests_total', { pattern: IdentityPatterns.health.pattern });
    };
    // Past the second that shares the stack's own readiness probe, made at its start.
    await sleep(1100);
    const before = await healthChecks();

    const answers = await Promise.all(Array.from({ length: REQUESTS }, () => browserOn(`nobody-${randomLabel()}.test`, own.gateway).get('/health/ready')));

    expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 200));
    const asked = (await healthChecks()) - before;
    expect(asked).toBeGreaterThanOrEqual(1);
    expect(asked).toBeLessThanOrEqual(2);
  });

  test('a host remembered as unknown works the moment the operator creates its company', async () => {
    const host = `soon-${randomLabel()}.test`;
    expectError(await browserOn(host, own.gateway).get('/api/auth/state'), 404, 'unknown_portal');

    const created = await operatorClient(own.gateway).post('/api/operator/companies', { name: 'Lemaire Associés', hosts: [host] });
    expect(created.status).toBe(201);

    // Past the host check: the portal answers, and asks for a sign-in.
    expectError(await browserOn(host, own.gateway).get('/api/auth/state'), 401, 'unauthenticated');
  });
});
