'use strict';
const os = require('node:os');
const { call, expectStatus, mapLimit } = require('../lib/http-call');
const { assert, createPasskey } = require('../lib/passkey-authenticator');
const { browserCookieOf } = require('../lib/product-seed');

const SETUP_CONCURRENCY = 4;
/**
 * The sign-in options are limited to 30 a minute per address: each sign-in
 * comes from one of many addresses, through the loopback proxy the bench's
 * gateway trusts (TRUST_PROXY, lib/stack.js), as real people behind a proxy do.
 */
const SIGN_INS_PER_ADDRESS = 25;
/** What the browser writes into clientDataJSON: the portal's origin, the gateway's default PORTAL_ORIGIN_TEMPLATE. */
const webauthnOrigin = (host) => `https://${host}`;

const post = (stack, host, path, { body, cookie, forwardedFor } = {}) =>
  call(stack.port, 'POST', host, path, {
    body,
    headers: { origin: `http://${host}`, ...(cookie ? { cookie } : {}), ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}) },
  });

/** One passkey per signed-in web session, made through the API as the portal's page does, on the session's company host. */
function registerPasskeys(stack, sessions) {
  return mapLimit(sessions, SETUP_CONCURRENCY, async ({ index, host, cookie }) => {
    const { json: options } = await expectStatus(200, post(stack, host, '/api/me/passkeys/registration-options', { cookie }), 'passkey registration options');
    const { passkey, response } = createPasskey(options, webauthnOrigin(host));
    await expectStatus(201, post(stack, host, '/api/me/passkeys', { body: { response }, cookie }), 'register passkey');
    return { index, host, passkey };
  });
}

/**
 * Passkey sign-ins in a closed loop, `connections` at a time, the people taken
 * in turn: POST /api/auth/passkey/options, the authenticator's signature, POST
 * /api/auth/passkey, which must answer `done`. Two requests make one
 * operation. The signing runs in this process: its time is the load
 * generator's and is also given alone (`clientSignMsPerOperation`), never in
 * the product's CPU.
 */
async function measurePasskeySignIn(stack, registered, { connections, seconds, warmup, cpu, hooks }) {
  let nextPerson = 0;
  let nextAddress = 0;
  const once = async (tally) => {
    const { index, host, passkey } = registered[nextPerson++ % registered.length];
    const forwardedFor = addressOf(Math.floor(nextAddress++ / SIGN_INS_PER_ADDRESS));
    const started = process.hrtime.bigint();
    const options = await post(stack, host, '/api/auth/passkey/options', { forwardedFor });
    if (options.status !== 200) return tally.fail(`options: ${options.status} ${options.text.slice(0, 200)}`);
    const signStarted = process.hrtime.bigint();
    const response = assert(passkey, options.json, webauthnOrigin(host));
    tally.signNs += process.hrtime.bigint() - signStarted;
    const answer = await post(stack, host, '/api/auth/passkey', { body: { response }, forwardedFor, cookie: browserCookieOf(index) });
    if (answer.status !== 200 || answer.json?.next !== 'done') return tally.fail(`sign-in: ${answer.status} ${answer.text.slice(0, 200)}`);
    tally.latenciesMs.push(Number(process.hrtime.bigint() - started) / 1e6);
  };
  await loop(once, connections, warmup);
  await hooks?.beforeRun?.();
  const before = await cpu?.meter.read();
  const startedAt = process.hrtime.bigint();
  const tally = await loop(once, connections, seconds);
  const elapsedSeconds = Number(process.hrtime.bigint() - startedAt) / 1e9;
  const after = await cpu?.meter.read();
  await hooks?.afterRun?.();
  const ok = tally.latenciesMs.length;
  const total = ok + tally.errors;
  const sorted = tally.latenciesMs.sort((a, b) => a - b);
  const percentile = (share) => (ok ? Math.round(sorted[Math.min(ok - 1, Math.floor(share * ok))]) : null);
  return {
    rps: Math.round((total / elapsedSeconds) * 10) / 10,
    p50: percentile(0.5),
    p99: percentile(0.99),
    errors: tally.errors,
    ok,
    total,
    seconds: Math.round(elapsedSeconds * 100) / 100,
    connections,
    sampleError: tally.sampleError,
    clientSignMsPerOperation: total ? Math.round((Number(tally.signNs) / 1e6 / total) * 1000) / 1000 : null,
    loadAverage: Math.round(os.loadavg()[0] * 100) / 100,
    ...(cpu ? { cpu: cpu.meter.perOperation(before, after, total, cpu.parts) } : {}),
  };
}

/** Runs `once` on `connections` workers, each starting another until `seconds` are over. */
async function loop(once, connections, seconds) {
  const tally = { latenciesMs: [], errors: 0, signNs: 0n, sampleError: null };
  tally.fail = (error) => {
    tally.errors += 1;
    tally.sampleError ??= error;
  };
  const deadline = Date.now() + seconds * 1000;
  const worker = async () => {
    while (Date.now() < deadline) await once(tally).catch((error) => tally.fail(error.message));
  };
  await Promise.all(Array.from({ length: connections }, worker));
  return tally;
}

/** 10.x.y.z, distinct for each n below 2^24. */
const addressOf = (n) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;

module.exports = { registerPasskeys, measurePasskeySignIn };
