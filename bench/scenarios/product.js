'use strict';
const { call, expectStatus, mapLimit } = require('../lib/http-call');
const { measure } = require('../lib/load');
const { base32Decode, codeForStep, stepAt } = require('../lib/totp');
const { browserCookieOf, emailOf, hostOf } = require('../lib/product-seed');

const SETUP_CONCURRENCY = 4;
const PIN = '2468';
const originOf = (host) => `http://${host}`;
const cookieHeader = (token) => `portal_session=${token}`;

/** A browser's POST: JSON, with the Origin of the page. */
const browserPost = (host, path, body, cookie) => ({
  method: 'POST',
  path,
  headers: { host, origin: originOf(host), ...(cookie ? { cookie } : {}) },
  body,
});

async function signIn(stack, index, password, expectedNext) {
  const host = hostOf(index);
  const { body, headers } = browserPost(host, '/api/auth/login', { email: emailOf(index), password }, browserCookieOf(index));
  const answer = await expectStatus(200, call(stack.port, 'POST', host, '/api/auth/login', { body, headers }), `sign-in of ${emailOf(index)}`);
  if (answer.json?.next !== expectedNext) throw new Error(`sign-in of ${emailOf(index)}: expected ${expectedNext}, got ${answer.text}`);
  return { index, host, cookie: `${cookieHeader(answer.cookies.portal_session)}; ${browserCookieOf(index)}` };
}

/** Signed-in web sessions of `people`, one each. */
function webSessions(stack, people, password) {
  return mapLimit(people, SETUP_CONCURRENCY, (index) => signIn(stack, index, password, 'done'));
}

/** Counts the 2xx answers whose body is not the expected step: a fast wrong answer must not look like speed. */
function stepChecker(expectedNext) {
  const checker = { wrong: 0, sample: null };
  checker.onResponse = (status, body) => {
    if (status !== 200) return;
    if (!body.includes(`"next":"${expectedNext}"`)) {
      checker.wrong += 1;
      checker.sample ??= String(body).slice(0, 200);
    }
  };
  return checker;
}

const withWrong = (result, checker) => ({ ...result, errors: result.errors + checker.wrong, wrongAnswers: checker.wrong, sampleWrong: checker.sample });

/** GET /api/me with a valid session cookie, the sessions taken in turn; `port` picks another gateway of the stack. */
function measureMe(stack, sessions, { connections, hooks, cpu, port = stack.port }) {
  let next = 0;
  return measure({
    port,
    connections,
    hooks,
    cpu,
    request: () => {
      const session = sessions[next++ % sessions.length];
      return { path: '/api/me', headers: { host: session.host, cookie: session.cookie } };
    },
  });
}

/** The items of `list` one after the other, round and round; shared by runs that must go on where the last stopped. */
function inTurn(list) {
  let next = 0;
  return () => list[next++ % list.length];
}

/**
 * A whole email sign-in on the company's host, ending at `done`; `nextPerson()` says who signs in.
 * With `warmupPeople`, these sign in first (`warmupAmount` sign-ins, not measured), so that the measured
 * people still sign in cold: their views not yet cached by the gateway.
 */
async function measureSignIn(stack, nextPerson, password, { warmupPeople, warmupAmount, ...options }) {
  const signInOf = (index) => browserPost(hostOf(index), '/api/auth/login', { email: emailOf(index), password }, browserCookieOf(index));
  if (warmupPeople) {
    const nextWarmup = inTurn(warmupPeople);
    await measure({ port: stack.port, connections: options.connections, amount: warmupAmount, warmup: 0, request: () => signInOf(nextWarmup()) });
  }
  const checker = stepChecker('done');
  const result = await measure({
    port: stack.port,
    ...(warmupPeople ? { warmup: 0 } : { warmupAmount }),
    ...options,
    onResponse: checker.onResponse,
    request: () => signInOf(nextPerson()),
  });
  return withWrong(result, checker);
}

/**
 * 2FA for each person through the API (sign in, setup, confirm with a code),
 * then a sign-in that stops at `totp`. Each waits for its code of a step newer
 * than the one spent on confirming: the product accepts each step once.
 */
async function pendingTotpSignIns(stack, people, password) {
  return mapLimit(people, SETUP_CONCURRENCY, async (index) => {
    const session = await signIn(stack, index, password, 'done');
    const post = (path, body) => {
      const request = browserPost(session.host, path, body, session.cookie);
      return expectStatus(200, call(stack.port, 'POST', session.host, path, { body, headers: request.headers }), path);
    };
    const { json: setup } = await post('/api/me/totp/setup', undefined);
    const key = base32Decode(setup.secret);
    const confirmStep = stepAt(Date.now());
    await post('/api/me/totp/confirm', { code: codeForStep(key, confirmStep) });
    const pending = await signIn(stack, index, password, 'totp');
    return { ...pending, key, firstStep: confirmStep + 1 };
  });
}

/** The TOTP step alone: each request answers one pending sign-in with its fresh code. */
async function measureTotpStep(stack, pending, { connections, warmupAmount, hooks, cpu }) {
  let next = 0;
  const checker = stepChecker('done');
  const request = () => {
    const sign = pending[next++];
    if (!sign) return null;
    const step = Math.max(stepAt(Date.now()), sign.firstStep);
    return browserPost(sign.host, '/api/auth/totp', { code: codeForStep(sign.key, step) }, sign.cookie);
  };
  const slack = connections * 2;
  const result = await measure({
    port: stack.port,
    connections,
    warmup: 0,
    warmupAmount,
    amount: pending.length - warmupAmount - slack,
    hooks,
    cpu,
    onResponse: checker.onResponse,
    request,
  });
  return withWrong(result, checker);
}

/** Mobile devices registered with a PIN, one per person, on the easy access host. */
function mobileDevices(stack, people, password, easyAccessHost) {
  return mapLimit(people, SETUP_CONCURRENCY, async (index) => {
    const post = (path, body, status) => expectStatus(status, call(stack.port, 'POST', easyAccessHost, path, { body }), path);
    const { json: login } = await post('/api/mobile/login', { email: emailOf(index), password }, 200);
    const device = { loginToken: login.loginToken, pin: PIN, pinConfirmation: PIN, name: `Bench phone ${index}`, platform: 'ios' };
    const { json: registered } = await post('/api/mobile/devices', device, 201);
    return { deviceId: registered.deviceId, deviceSecret: registered.deviceSecret };
  });
}

/** POST /api/mobile/unlock with the PIN, the devices taken in turn. */
function measureUnlock(stack, devices, easyAccessHost, { connections, hooks, cpu }) {
  let next = 0;
  return measure({
    port: stack.port,
    connections,
    hooks,
    cpu,
    request: () => {
      const { deviceId, deviceSecret } = devices[next++ % devices.length];
      return { method: 'POST', path: '/api/mobile/unlock', headers: { host: easyAccessHost }, body: { deviceId, deviceSecret, pin: PIN } };
    },
  });
}

module.exports = { inTurn, webSessions, measureMe, measureSignIn, pendingTotpSignIns, measureTotpStep, mobileDevices, measureUnlock };
