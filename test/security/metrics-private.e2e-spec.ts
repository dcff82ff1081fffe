import { expectError } from '../support/api-error';
import { METRICS_TOKEN } from '../support/app-env';
import { browserOn, Company, createCompany } from '../support/factories';
import { METRICS_AUTHORIZATION, metricsPortOf, scrapePort } from '../support/metrics-scrape';
import { OwnStack, startOwnStack } from '../support/own-stack';
import { anotherMachineAddress } from '../support/portal-client';

const STACK_START_MS = 120_000;
/** The gateway's limit (apps/gateway/src/metrics/metrics.guard.ts), as for the operator's token: wrong tokens per address in 15 minutes. */
const WRONG_TOKENS_PER_ADDRESS = 10;
const SERVICES = ['identity', 'mfa', 'tenancy'];

/** Everything but the right bearer token: what a visitor of any portal, or a neighbour on the network, may try. */
const REFUSED: [string, Record<string, string>][] = [
  ['no token', {}],
  ['a wrong bearer token', { authorization: 'Bearer metrics-token-of-somebody-else' }],
  ['the token with Basic', { authorization: `Basic ${Buffer.from(`prometheus:${METRICS_TOKEN}`).toString('base64')}` }],
  ['the token without its scheme', { authorization: METRICS_TOKEN }],
  ['a longer token that starts with it', { authorization: `Bearer ${METRICS_TOKEN}x` }],
];

/**
 * Metrics tell who signs in, how often it fails and what the processes hold:
 * they are for Prometheus, which sends METRICS_TOKEN as a bearer token.
 */
describe('/metrics answers only the metrics token', () => {
  let own: OwnStack;
  let firm: Company;
  let hosts: string[];

  beforeAll(async () => {
    own = await startOwnStack('metrics-private', { extraEnv: () => ({ METRICS_PORT: '0' }) });
    firm = await createCompany({ name: 'Perrin Conseil' }, own.gateway);
    hosts = [own.gateway.easyAccessHost, firm.host, 'nobody-here.test', '127.0.0.1'];
  }, STACK_START_MS);

  afterAll(async () => {
    await own?.dispose();
  });

  test.each(REFUSED)('the gateway, with %s: 401 unauthenticated on every host', async (_attempt, headers) => {
    for (const host of hosts) {
      // Each from its own address: wrong tokens are counted per address (below).
      const answer = await browserOn(host, own.gateway, { sourceAddress: anotherMachineAddress() }).get('/metrics', { headers });

      expectError(answer, 401, 'unauthenticated');
      expect(answer.text).not.toContain('portal_');
    }
  });

  test('the gateway, with the token: 200 and the metrics, on every host', async () => {
    for (const host of hosts) {
      const answer = await browserOn(host, own.gateway).get('/metrics', { headers: METRICS_AUTHORIZATION });

      expect(answer.status).toBe(200);
      expect(answer.text).toContain('portal_http_requests_total');
    }
  });

  test(`after ${WRONG_TOKENS_PER_ADDRESS} wrong tokens from one address, the gateway answers 429 with Retry-After, even to the right token`, async () => {
    const address = anotherMachineAddress();
    const scrape = (authorization: string) => browserOn(firm.host, own.gateway, { sourceAddress: address }).get('/metrics', { headers: { authorization } });
    for (let guess = 0; guess < WRONG_TOKENS_PER_ADDRESS; guess += 1) {
      expectError(await scrape(`Bearer guessed-metrics-token-${guess}`), 401, 'unauthenticated');
    }

    const limited = await scrape('Bearer guessed-metrics-token-last');
    expectError(limited, 429, 'rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(14 * 60);
    expectError(await scrape(METRICS_AUTHORIZATION.authorization), 429, 'rate_limited');
    // Prometheus, from its own address, is not held up.
    expect((await browserOn(firm.host, own.gateway, { sourceAddress: anotherMachineAddress() }).get('/metrics', { headers: METRICS_AUTHORIZATION })).status).toBe(200);
  });

  test.each(REFUSED)('each service, with %s: 401 and no metrics', async (_attempt, headers) => {
    for (const service of SERVICES) {
      const answer = await scrapePort(metricsPortOf(own.stack, service), headers);

      expect({ service, status: answer.status }).toEqual({ service, status: 401 });
      expect(answer.text).not.toContain('portal_');
    }
  });

  test('each service, with the token: 200 and its metrics', async () => {
    for (const service of SERVICES) {
      const answer = await scrapePort(metricsPortOf(own.stack, service));

      expect({ service, status: answer.status }).toEqual({ service, status: 200 });
      expect(answer.text).toContain('portal_nats_messages_handled_total');
    }
  });

  test('apps started without METRICS_TOKEN do not serve metrics at all: 404, token or not', async () => {
    await Promise.all([own.stack.stop('gateway'), own.stack.stop('tenancy')]);
    own.settings.extraEnv = { ...own.settings.extraEnv, METRICS_TOKEN: '' };
    await own.stack.start('tenancy');
    await own.stack.start('gateway');

    for (const headers of [{}, METRICS_AUTHORIZATION]) {
      expectError(await browserOn(own.gateway.easyAccessHost, own.gateway).get('/metrics', { headers }), 404, 'not_found');
      expect((await scrapePort(metricsPortOf(own.stack, 'tenancy'), headers)).status).toBe(404);
    }
  });
});
