import { expectError } from '../support/api-error';
import { browserOn, Company, createCompany, uniqueEmail } from '../support/factories';
import { OwnStack, startOwnStack } from '../support/own-stack';
import { PortalResponse } from '../support/portal-client';

const ATTEMPTS_PER_ADDRESS = 5;
/** The gateway's (apps/gateway/src/rate-limit/token-guesses.ts): wrong operator tokens per address in 15 minutes. */
const WRONG_TOKENS_PER_ADDRESS = 10;
/** The gateway's (apps/gateway/src/auth/password.controller.ts): reset links asked for per address in an hour. */
const FORGOT_PER_ADDRESS = 20;

/**
 * The stack's gateway behind proxies as TRUST_PROXY names them; `via(header)`
 * signs in with a wrong password through them, for an email never seen;
 * `operatorVia(header, token)` creates a company with that operator token;
 * `forgotVia(header)` asks a reset link for an email never seen.
 */
function behindProxies(label: string, trustProxy: string) {
  const context: { own?: OwnStack; firm?: Company } = {};

  beforeAll(async () => {
    context.own = await startOwnStack(label, {
      extraEnv: () => ({ TRUST_PROXY: trustProxy, LOGIN_ATTEMPTS_PER_IP_PER_MINUTE: String(ATTEMPTS_PER_ADDRESS) }),
    });
    context.firm = await createCompany({ name: 'Proxy Partenaires' }, context.own.gateway);
  }, 120_000);

  afterAll(async () => {
    await context.own?.dispose();
  });

  const via = (forwardedFor: string): Promise<PortalResponse> => {
    const browser = browserOn(context.firm!.host, context.own!.gateway, { headers: { 'x-forwarded-for': forwardedFor } });
    return browser.post('/api/auth/login', { email: uniqueEmail('guess'), password: 'a-guessed-password' });
  };
  const operatorVia = (forwardedFor: string, token?: string): Promise<PortalResponse> => {
    const { gateway } = context.own!;
    const headers = { 'x-forwarded-for': forwardedFor, authorization: `Bearer ${token ?? gateway.operatorToken}` };
    return browserOn(gateway.easyAccessHost, gateway, { headers }).post('/api/operator/companies', { name: 'Guess', hosts: [`${uniqueEmail('guess').split('@')[0]}.test`] });
  };
  const forgotVia = (forwardedFor: string): Promise<PortalResponse> =>
    browserOn(context.firm!.host, context.own!.gateway, { headers: { 'x-forwarded-for': forwardedFor } }).post('/api/auth/password/forgot', {
      email: uniqueEmail('nobody'),
    });
  return { via, operatorVia, forgotVia };
}

async function attemptsUntilLimited(via: (forwardedFor: string) => Promise<PortalResponse>, forwardedFor: (attempt: number) => string) {
  const answers: PortalResponse[] = [];
  for (let attempt = 0; attempt <= ATTEMPTS_PER_ADDRESS; attempt += 1) answers.push(await via(forwardedFor(attempt)));
  expect(answers.slice(0, ATTEMPTS_PER_ADDRESS).map((answer) => answer.status)).toEqual(Array(ATTEMPTS_PER_ADDRESS).fill(401));
  expectError(answers[ATTEMPTS_PER_ADDRESS], 429, 'rate_limited');
}

/**
 * Behind one proxy that appends the address it saw (TRUST_PROXY=true: one
 * hop), the client writes the left-most X-Forwarded-For entries itself. An
 * attacker who rotates them must not get a fresh per-address budget: the
 * client address is the right-most one not added by a trusted proxy.
 */
describe('Per-address limits follow the address the trusted proxy saw (one hop)', () => {
  const { via, operatorVia, forgotVia } = behindProxies('forwarded-hop', 'true');

  test('rotating the left-most entry does not reset the limit of the address the proxy appended', async () => {
    await attemptsUntilLimited(via, (attempt) => `198.51.100.${attempt + 1}, 203.0.113.7`);
  });

  test('another address appended by the proxy has a budget of its own', async () => {
    expectError(await via('203.0.113.7, 203.0.113.8'), 401, 'invalid_credentials');
  });

  // One subscriber holds a whole IPv6 /64: counted address by address, its 2^64 addresses would be no limit.
  test('IPv6 addresses of one /64 network share its budget', async () => {
    await attemptsUntilLimited(via, (attempt) => `2001:db8:7:7:${attempt + 1}:0:0:${attempt + 9}`);
  });

  test('another /64 network has a budget of its own', async () => {
    expectError(await via('2001:db8:7:8::1'), 401, 'invalid_credentials');
  });

  // Many subscribers hold a /56 or a /48, and a tunnel broker hands one out free: 65,536 /64 budgets for password spraying.
  test('the /64 networks of one /48 share a budget of 8 times an address\'s; another /48 has its own', async () => {
    const networks = 8 * ATTEMPTS_PER_ADDRESS;
    const answers: PortalResponse[] = [];
    for (let network = 0; network <= networks; network += 1) answers.push(await via(`2001:db8:9:${network.toString(16)}::1`));

    expect(answers.slice(0, networks).map((answer) => answer.status)).toEqual(Array(networks).fill(401));
    expectError(answers[networks], 429, 'rate_limited');
    expectError(await via('2001:db8:a:1::1'), 401, 'invalid_credentials');
  });

  // A /48 is often an ISP's, shared by many subscribers: one of them knocking on past its own limit must not lock the others out.
  test("a /64 refused spends nothing of its /48's budget: the next /64 is still heard", async () => {
    for (let attempt = 0; attempt <= 8 * ATTEMPTS_PER_ADDRESS; attempt += 1) await via('2001:db8:f:1::1');

    expectError(await via('2001:db8:f:1::1'), 429, 'rate_limited');
    expectError(await via('2001:db8:f:2::1'), 401, 'invalid_credentials');
  });

  // The operator token answers on every host: a /48 gave 65,536 budgets of 10 guesses a quarter of an hour.
  test('wrong operator tokens: the /64 networks of one /48 share 8 addresses\' budgets, then even the right token waits', async () => {
    const guesses = 8 * WRONG_TOKENS_PER_ADDRESS;
    const answers: PortalResponse[] = [];
    for (let guess = 0; guess < guesses; guess += 1) {
      answers.push(await operatorVia(`2001:db8:b:${Math.floor(guess / WRONG_TOKENS_PER_ADDRESS).toString(16)}::1`, `guessed-token-${guess}`));
    }

    expect(answers.map((answer) => answer.status)).toEqual(Array(guesses).fill(401));
    expectError(await operatorVia('2001:db8:b:ff::1'), 429, 'rate_limited');
    expect((await operatorVia('2001:db8:c:1::1')).status).toBe(201);
  });

  // Each per-address limit: reset links asked for, one per address an hour.
  test('reset links asked for: the /64 networks of one /48 share 8 addresses\' budgets', async () => {
    const asked = 8 * FORGOT_PER_ADDRESS;
    const answers: PortalResponse[] = [];
    for (let ask = 0; ask < asked; ask += 1) answers.push(await forgotVia(`2001:db8:d:${Math.floor(ask / FORGOT_PER_ADDRESS).toString(16)}::1`));

    expect(answers.map((answer) => answer.status)).toEqual(Array(asked).fill(202));
    expectError(await forgotVia('2001:db8:d:ff::1'), 429, 'rate_limited');
    expect((await forgotVia('2001:db8:e:1::1')).status).toBe(202);
  });
});

/** Proxies named by range (the tests' loopback): the first address outside it is the client's. */
describe('Per-address limits follow the address the trusted proxy saw (named proxies)', () => {
  const { via } = behindProxies('forwarded-named', '127.0.0.0/8, ::1');

  test('behind two trusted proxies, rotating what the client wrote does not reset the limit', async () => {
    await attemptsUntilLimited(via, (attempt) => `198.51.100.${attempt + 1}, 203.0.113.7, 127.0.0.9`);
  });

  test('a client claiming to be a trusted proxy is the address before it', async () => {
    expectError(await via('203.0.113.7, 127.0.0.9, 127.0.0.10'), 429, 'rate_limited');
  });
});
