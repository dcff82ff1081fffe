'use strict';
/**
 * npm run bench: the product built for production against its references, in
 * one run on this machine. See docs/performance.md.
 *   node bench/run.js [--profile]   (after npm run build; --profile adds CPU profiles of every app per scenario)
 *   node bench/run.js --smoke       (small sizes, a few seconds a scenario: fails if a scenario errors; .ci/run)
 */
const smoke = process.argv.includes('--smoke');
if (smoke) {
  // Before lib/settings and lib/load read them; a BENCH_* already set still wins. Few connections: on a
  // machine busy with other tests, 32 concurrent PIN unlocks outwait identity's pool (503), which says nothing of rot.
  const sizes = {
    BENCH_READ_CONNECTIONS: 8,
    BENCH_SIGN_IN_CONNECTIONS: 2,
    BENCH_TOTP_CONNECTIONS: 8,
    BENCH_SECONDS: 2,
    BENCH_WARMUP_SECONDS: 1,
    BENCH_LATENCY_SECONDS: 2,
    BENCH_SMALL_POPULATION: 200,
    BENCH_LARGE_POPULATION: 1000,
    BENCH_API_MEMBERS: 10,
    BENCH_SESSIONS: 20,
    BENCH_SIGN_IN_PEOPLE: 40,
    BENCH_LATENCY_PEOPLE: 10,
    BENCH_TOTP_SIGN_INS: 40,
    BENCH_TOTP_WARMUP: 4,
    BENCH_DEVICES: 8,
    BENCH_PASSKEY_PEOPLE: 8,
    BENCH_PASSKEY_CONNECTIONS: 4,
    BENCH_MEMORY_SIGN_INS: 100,
    BENCH_SIGN_IN_WARMUP: 10,
    BENCH_MEMORY_MAX_SECONDS: 5,
  };
  for (const [name, value] of Object.entries(sizes)) process.env[name] ||= String(value);
}
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { randomBytes } = require('node:crypto');
const Redis = require('ioredis');
const { hash } = require('@node-rs/argon2');
const S = require('./lib/settings');
const { createDatabase, dropDatabase, openAdminClient } = require('./lib/database');
const { cpuMeter, infrastructurePids } = require('./lib/cpu');
const { ARGON2_OPTIONS, measureHashCeiling, measureSingleVerify } = require('./lib/hash-ceiling');
const { startMailSink } = require('./lib/mail-sink');
const { profilingFor } = require('./lib/profiling');
const { bulkInsertPopulation, CLIENTS_PER_COMPANY, countPopulation, peopleDrawer, range, seedThroughOperatorApi } = require('./lib/product-seed');
const { deleteKeys } = require('./lib/redis-memory');
const { deleteStream } = require('./lib/nats-streams');
const { evaluateTargets, writeResults } = require('./lib/report');
const { startStack } = require('./lib/stack');
const { measureFloor } = require('./scenarios/floor');
const { measureSessionMemory } = require('./scenarios/memory');
const product = require('./scenarios/product');
const peer = require('./scenarios/peer');
const monolith = require('./scenarios/monolith');
const passkey = require('./scenarios/passkey');

const RESULTS = smoke ? fs.mkdtempSync(path.join(os.tmpdir(), 'bench-smoke-')) : path.join(__dirname, 'results');
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const profile = process.argv.includes('--profile');
const runId = randomBytes(4).toString('hex');
const startedAt = Date.now();
const cleanups = [];

const log = (line) => process.stdout.write(`${line}\n`);
const elapsed = () => `${((Date.now() - startedAt) / 1000).toFixed(0).padStart(4)} s`;
const step = (what) => log(`[${elapsed()}] ${what}`);
/** Logs one scenario's figures as they come, and hands them on. */
function report(name, r) {
  const cpu = r.cpu ? `, CPU ${r.cpu.msPerOperation} ms/req (machine ${r.cpu.machineMsPerOperation})` : '';
  step(`  ${name}: ${r.rps} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms${cpu}, errors ${r.errors}${r.sampleError ? ` (${r.sampleError})` : ''}${r.sampleWrong ? ` wrong: ${r.sampleWrong}` : ''}`);
  return r;
}

async function cleanUp() {
  while (cleanups.length > 0) await cleanups.pop()().catch((error) => log(`cleanup: ${error.message}`));
}

async function fail(error) {
  log(`bench failed: ${error.stack ?? error.message}`);
  await cleanUp();
  process.exit(1);
}

async function main() {
  const machine = { cpu: os.cpus()[0].model.trim(), cores: os.availableParallelism(), memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, loadAverage: os.loadavg().map((value) => Number(value.toFixed(2))) };
  step(`bench ${runId} on ${machine.cpu}, ${machine.cores} cores, load average ${machine.loadAverage.join(' ')}`);
  const redis = new Redis(REDIS_URL);
  cleanups.push(() => redis.quit());
  const references = {};
  const scenarios = {};
  const floorPrefix = `bench:${runId}-floor:`;
  cleanups.push(() => deleteKeys(redis, floorPrefix));

  const storedHash = await hash(S.PASSWORD, ARGON2_OPTIONS);

  step('product: fresh database, mail sink, gateway + identity + mfa + tenancy from dist');
  const databaseName = `portal_bench_${runId}`;
  const databaseUrl = await createDatabase(databaseName);
  cleanups.push(() => dropDatabase(databaseName));
  const mailSink = await startMailSink();
  cleanups.push(() => mailSink.close());
  const profileDir = profile ? path.join(RESULTS, 'profiles') : undefined;
  if (profileDir) fs.mkdirSync(profileDir, { recursive: true });
  const stack = await startStack({ runId, databaseUrl, smtpUrl: mailSink.url, easyAccessHost: S.EASY_ACCESS_HOST, profileDir, log, onCrash: fail });
  cleanups.push(() => deleteKeys(redis, stack.keyPrefix));
  cleanups.push(() => deleteStream(stack.natsUrl, stack.announcementStream));
  cleanups.push(() => stack.stop());
  const profiles = {};
  const hooks = profileDir ? profilingFor(stack, profileDir, profiles) : () => undefined;

  step('peer: better-auth on its own database, same argon2id parameters (idle until its turn)');
  const peerDatabaseName = `${databaseName}_peer`;
  const peerDatabaseUrl = await createDatabase(peerDatabaseName);
  cleanups.push(() => dropDatabase(peerDatabaseName));
  const server = await peer.startPeer({ databaseUrl: peerDatabaseUrl, users: S.SESSIONS + S.SIGN_IN_PEOPLE, totpUsers: S.TOTP_SIGN_INS, storedHash, log, onCrash: fail });
  cleanups.push(() => server.stop());

  step('peer: the Passport monolith on its own database and key prefix, same argon2id parameters (idle until its turn)');
  const monolithDatabaseName = `${databaseName}_monolith`;
  const monolithPrefix = `bench:${runId}-monolith:`;
  cleanups.push(() => dropDatabase(monolithDatabaseName));
  cleanups.push(() => deleteKeys(redis, monolithPrefix));
  const mono = await monolith.startMonolith({
    databaseUrl: await createDatabase(monolithDatabaseName),
    redisUrl: REDIS_URL,
    keyPrefix: monolithPrefix,
    users: S.SESSIONS + S.SIGN_IN_PEOPLE,
    storedHash,
    log,
    onCrash: fail,
  });
  cleanups.push(() => mono.stop());

  // CPU time per request of each system: its own processes, plus the shared Postgres (its database's backends), Redis and NATS it uses.
  const adminClient = await openAdminClient();
  cleanups.push(() => adminClient.end());
  const meter = cpuMeter({ adminClient, infrastructure: await infrastructurePids({ redis, natsPort: new URL(stack.natsUrl).port || '4222' }) });
  for (const app of stack.apps) meter.track(app.label, app.child.pid);
  meter.track('better-auth', server.pid);
  meter.track('monolith', mono.pid);
  const productParts = (gateway = 'gateway') => [gateway, 'identity', 'mfa', 'tenancy', `postgres:${databaseName}`, 'redis', 'nats'];
  const cpu = {
    product: { meter, parts: productParts() },
    betterAuth: { meter, parts: ['better-auth', `postgres:${peerDatabaseName}`] },
    monolith: { meter, parts: ['monolith', `postgres:${monolithDatabaseName}`, 'redis'] },
    floor: { meter, parts: ['floor', 'redis'] },
  };

  step(`seed: ${S.API_MEMBERS} members, ${CLIENTS_PER_COMPANY} to a company, through the operator API, the rest to ${S.SMALL_POPULATION} in SQL`);
  await seedThroughOperatorApi(stack, { easyAccessHost: S.EASY_ACCESS_HOST, from: 1, to: S.API_MEMBERS, password: S.PASSWORD });
  await bulkInsertPopulation(databaseUrl, { from: S.API_MEMBERS + 1, to: S.SMALL_POPULATION, storedHash });
  step(`  ${JSON.stringify(await countPopulation(databaseUrl))}`);
  // Who does what: disjoint groups, so that no sign-in finds its user's view already cached by another scenario.
  const draw = peopleDrawer();
  const small = { sessions: draw(S.SESSIONS, S.SMALL_POPULATION), signIns: draw(S.SIGN_IN_PEOPLE, S.SMALL_POPULATION), passkeys: draw(S.PASSKEY_PEOPLE, S.SMALL_POPULATION) };

  // Each target compares runs made back to back, so that a change in the machine's load hits both sides alike.
  step('session check: GET /api/me at 1,000 users (LOG_LEVEL warn, then info), the floor, better-auth getSession, the monolith');
  const meSessions = await product.webSessions(stack, small.sessions, S.PASSWORD);
  const peerSessions = await peer.peerSessions(server, server.plainIndexes.slice(0, S.SESSIONS), S.PASSWORD);
  const monolithSessions = await monolith.monolithSessions(mono, range(1, S.SESSIONS), S.PASSWORD);
  const infoGateway = await stack.gatewayLoggingAt('info');
  meter.track('gateway-info', infoGateway.app.child.pid);
  scenarios.me1k = report('GET /api/me', await product.measureMe(stack, meSessions, { connections: S.READ_CONNECTIONS, hooks: hooks('me'), cpu: cpu.product }));
  const logBytes = {};
  const countLog = { beforeRun: () => (logBytes.before = infoGateway.app.outputBytes()), afterRun: () => (logBytes.after = infoGateway.app.outputBytes()) };
  scenarios.meInfo = report('GET /api/me, LOG_LEVEL=info', await product.measureMe(stack, meSessions, { connections: S.READ_CONNECTIONS, port: infoGateway.port, hooks: countLog, cpu: { meter, parts: productParts('gateway-info') } }));
  scenarios.meInfo.logBytesPerRequest = Math.round((logBytes.after - logBytes.before) / scenarios.meInfo.total);
  await infoGateway.app.stop();
  references.floor = report('floor', await measureFloor({ redisUrl: REDIS_URL, keyPrefix: floorPrefix, count: S.SESSIONS, connections: S.READ_CONNECTIONS, cpu: cpu.floor, log, onCrash: fail }));
  references.peerGetSession = report('better-auth getSession', await peer.measureGetSession(server, peerSessions, { connections: S.READ_CONNECTIONS, cpu: cpu.betterAuth }));
  references.monolithMe = report('monolith GET /api/me', await monolith.measureMonolithMe(mono, monolithSessions, { connections: S.READ_CONNECTIONS, cpu: cpu.monolith }));

  step('email sign-in throughput at 1,000 users, the hash ceiling, better-auth sign-in');
  references.hashCeiling = await measureHashCeiling({ password: S.PASSWORD, storedHash, seconds: S.HASH_SECONDS });
  step(`  hash ceiling: ${references.hashCeiling.verifiesPerSecond} verifications/s`);
  // Each system signs in S.SIGN_IN_WARMUP times unmeasured first, then each of the sign-in people once. The product's
  // warm-up people are none of the 1,000 (numbered past the large population): a person signing in again finds
  // their view cached by the gateway, which the peers have no counterpart of.
  const warmupPeople = range(S.LARGE_POPULATION + 1, S.LARGE_POPULATION + S.SIGN_IN_WARMUP);
  await bulkInsertPopulation(databaseUrl, { from: warmupPeople[0], to: warmupPeople.at(-1), storedHash });
  const signInRun = { connections: S.SIGN_IN_CONNECTIONS, warmupAmount: S.SIGN_IN_WARMUP, amount: S.SIGN_IN_PEOPLE };
  scenarios.signIn1k = report('sign-in', await product.measureSignIn(stack, product.inTurn(small.signIns), S.PASSWORD, { ...signInRun, warmupPeople, hooks: hooks('sign-in'), cpu: cpu.product }));
  references.peerSignIn = report('better-auth sign-in', await peer.measurePeerSignIn(server, server.plainIndexes.slice(S.SESSIONS), S.PASSWORD, { ...signInRun, cpu: cpu.betterAuth }));
  references.monolithSignIn = report('monolith sign-in', await monolith.measureMonolithSignIn(mono, range(S.SESSIONS + 1, S.SESSIONS + S.SIGN_IN_PEOPLE), S.PASSWORD, { ...signInRun, cpu: cpu.monolith }));

  step(`passkey sign-in at 1,000 users: ${small.passkeys.length} people, one passkey each (registered after a password sign-in), in turn`);
  const registered = await passkey.registerPasskeys(stack, await product.webSessions(stack, small.passkeys, S.PASSWORD));
  scenarios.passkey = report(
    'passkey sign-in (options + assertion)',
    await passkey.measurePasskeySignIn(stack, registered, { connections: S.PASSKEY_CONNECTIONS, seconds: S.PASSKEY_SECONDS, warmup: S.PASSKEY_WARMUP_SECONDS, hooks: hooks('passkey'), cpu: cpu.product }),
  );
  const passkeyRatio = scenarios.passkey.rps / scenarios.signIn1k.rps;
  step(
    `  passkey ÷ password sign-in: ${passkeyRatio.toFixed(1)} times the throughput (target ≥ 10: ${passkeyRatio >= 10 ? 'MET' : 'NOT MET'} in this run), ` +
      `${(scenarios.signIn1k.cpu.msPerOperation / scenarios.passkey.cpu.msPerOperation).toFixed(1)} times less CPU per sign-in; the client's signing ${scenarios.passkey.clientSignMsPerOperation} ms each`,
  );

  step(`growth: bulk-insert to ${S.LARGE_POPULATION} users and companies, then the same at that size`);
  await bulkInsertPopulation(databaseUrl, { from: S.SMALL_POPULATION + 1, to: S.LARGE_POPULATION, storedHash });
  step(`  ${JSON.stringify(await countPopulation(databaseUrl))}`);
  const large = { sessions: draw(S.SESSIONS, S.LARGE_POPULATION), latency: draw(S.LATENCY_PEOPLE, S.LARGE_POPULATION), signIns: draw(S.MEMORY_SIGN_INS, S.LARGE_POPULATION) };
  scenarios.me100k = report('GET /api/me, 100,000 users', await product.measureMe(stack, await product.webSessions(stack, large.sessions, S.PASSWORD), { connections: S.READ_CONNECTIONS, cpu: cpu.product }));

  step('sign-in latency: one connection, against one argon2id verification alone');
  references.singleVerify = await measureSingleVerify({ password: S.PASSWORD, storedHash });
  step(`  one verification: ${references.singleVerify.ms} ms`);
  scenarios.signInLatency = report('sign-in, 1 connection', await product.measureSignIn(stack, product.inTurn(large.latency), S.PASSWORD, { connections: 1, seconds: S.LATENCY_SECONDS, warmup: 1, cpu: cpu.product }));

  step(`Redis memory over ${S.MEMORY_SIGN_INS} sign-ins of distinct people, the first of them the sign-in scenario at 100,000 users`);
  const nextPerson = product.inTurn(large.signIns);
  const memory = await measureSessionMemory({
    redis,
    stack,
    nextPerson,
    password: S.PASSWORD,
    connections: S.SIGN_IN_CONNECTIONS,
    target: S.MEMORY_SIGN_INS,
    maxSeconds: S.MEMORY_MAX_SECONDS,
    log: step,
    during: async () => {
      scenarios.signIn100k = report('sign-in, 100,000 users', await product.measureSignIn(stack, nextPerson, S.PASSWORD, { connections: S.SIGN_IN_CONNECTIONS, cpu: cpu.product }));
    },
  });
  step(`  ${Math.round(memory.bytesPerSession)} B per web session over ${memory.signIns} sign-ins (keys alone: ${Math.round(memory.keyBytesPerSession)} B)`);

  const totpPeople = draw(S.TOTP_SIGN_INS, S.LARGE_POPULATION);
  step(`TOTP step: ${totpPeople.length} sign-ins waiting for a code on each side (2FA enrolled through the product's API)`);
  const peerPending = await peer.pendingPeerTotp(server, S.PASSWORD);
  const pending = await product.pendingTotpSignIns(stack, totpPeople, S.PASSWORD);
  scenarios.totp = report('TOTP step', await product.measureTotpStep(stack, pending, { connections: S.TOTP_CONNECTIONS, warmupAmount: S.TOTP_WARMUP, hooks: hooks('totp'), cpu: cpu.product }));
  references.peerTotp = report('better-auth verify-totp', await peer.measurePeerTotp(server, peerPending, { connections: S.TOTP_CONNECTIONS, warmupAmount: S.TOTP_WARMUP, cpu: cpu.betterAuth }));

  step(`mobile unlock by PIN: ${S.DEVICES} devices`);
  const devices = await product.mobileDevices(stack, draw(S.DEVICES, S.LARGE_POPULATION), S.PASSWORD, S.EASY_ACCESS_HOST);
  scenarios.unlock = report('unlock', await product.measureUnlock(stack, devices, S.EASY_ACCESS_HOST, { connections: S.READ_CONNECTIONS, hooks: hooks('unlock'), cpu: cpu.product }));

  await cleanUp();
  const results = {
    startedAt: new Date(startedAt).toISOString(),
    durationSeconds: Math.round((Date.now() - startedAt) / 1000),
    machine,
    settings: S,
    references,
    scenarios,
    redis: memory,
    ...(profile ? { profiles } : {}),
  };
  results.targets = evaluateTargets(results);
  log(`\n${writeResults(RESULTS, results)}`);
  if (!smoke) log(`Written to ${path.relative(process.cwd(), RESULTS)}/latest.json and latest.md.`);
  if (smoke) {
    fs.rmSync(RESULTS, { recursive: true, force: true });
    // No timing is asserted: a smoke only proves that every scenario still runs and answers as expected.
    const failed = Object.entries({ ...scenarios, ...references }).filter(([, result]) => result.errors > 0 || result.total === 0);
    for (const [name, result] of failed) log(`smoke: ${name} made ${result.total} requests with ${result.errors} errors (${result.sampleError ?? result.sampleWrong ?? 'none answered'})`);
    if (failed.length > 0) process.exit(1);
  }
}

/** from, from + 1, ..., to. */

process.on('SIGINT', () => void fail(new Error('interrupted')));
main().catch(fail);
