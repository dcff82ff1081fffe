'use strict';
/**
 * npm run chaos: two gateways and two replicas of each service under a mixed
 * load while processes, a Redis master and a NATS node are killed at random;
 * then the invariants of issue 18. See docs/operations.md, "Failure and recovery".
 *   node chaos/run.js [--seconds N | --smoke] [--redis cluster|single] [--nats cluster|single] [--postgres pgbouncer|direct]
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { randomBytes } = require('node:crypto');
const Redis = require('ioredis');
const { createDatabase, dropDatabase, urlOf } = require('../bench/lib/database');
const { deleteKeys } = require('../bench/lib/redis-memory');
const { deleteStream } = require('../bench/lib/nats-streams');
const { parseOptions } = require('./lib/options');
const { startMailCatcher } = require('./lib/mail-catcher');
const { startRedisCluster } = require('./lib/redis-cluster');
const { startNatsCluster } = require('./lib/nats-cluster');
const { startPgBouncer } = require('./lib/pgbouncer');
const { startApps } = require('./lib/apps');
const { traffic } = require('./lib/traffic');
const { seed, signIn, enrollTotp, WITH_CODES } = require('./lib/seed');
const { mixedLoad } = require('./lib/load');
const { faultInjector } = require('./lib/faults');
const { checkInvariants } = require('./lib/invariants');
const { writeResults } = require('./lib/report');

const SHARED = { redis: process.env.CHAOS_REDIS_URL ?? 'redis://127.0.0.1:6379', nats: process.env.CHAOS_NATS_URL ?? 'nats://127.0.0.1:4222' };
const EASY_ACCESS_HOST = 'portal.chaos.test';
/** After the load: time for restarted processes and mail retries (up to 25 s apart) to finish. */
const SETTLE_MS = 30_000;
const runId = randomBytes(4).toString('hex');
const startedAt = Date.now();
const cleanups = [];
const crashes = [];
const log = (line) => process.stdout.write(`[${((Date.now() - startedAt) / 1000).toFixed(0).padStart(4)} s] ${line}\n`);

async function startEngines(options, root) {
  const onExit = (label, how) => crashes.push({ at: new Date().toISOString(), label, how });
  const formed = {};
  const redisCluster = options.redis === 'cluster' ? await startRedisCluster(root, onExit) : null;
  if (redisCluster) cleanups.push(() => redisCluster.stop());
  formed.redis = redisCluster ? await redisCluster.formed() : { url: SHARED.redis };
  const natsCluster = options.nats === 'cluster' ? await startNatsCluster(root, onExit) : null;
  if (natsCluster) cleanups.push(() => natsCluster.stop());
  formed.nats = natsCluster ? await natsCluster.formed() : { url: SHARED.nats };
  const database = `chaos_${runId}`;
  await createDatabase(database);
  cleanups.push(() => dropDatabase(database));
  const bouncer = options.postgres === 'pgbouncer' ? await startPgBouncer(root, urlOf('postgres'), onExit) : null;
  if (bouncer) cleanups.push(() => bouncer.stop());
  formed.postgres = bouncer ? await bouncer.formed() : { url: urlOf(database) };
  return {
    formed,
    redisCluster,
    natsCluster,
    databaseUrl: urlOf(database),
    engines: {
      redis: redisCluster ? { seeds: redisCluster.seeds } : { url: SHARED.redis },
      nats: natsCluster ? { urls: natsCluster.urls, cluster: true } : { urls: SHARED.nats },
      databaseUrl: bouncer ? bouncer.urlOf(database) : urlOf(database),
    },
  };
}

async function main() {
  const options = parseOptions(process.argv.slice(2));
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `chaos-${runId}-`));
  const logDir = path.join(root, 'logs');
  fs.mkdirSync(logDir);
  log(`chaos ${runId}: ${options.seconds} s, Redis ${options.redis}, NATS ${options.nats}, Postgres ${options.postgres}; logs in ${logDir}`);
  const results = { startedAt: new Date(startedAt).toISOString(), seconds: options.seconds, engines: { redis: options.redis, nats: options.nats, postgres: options.postgres },
    machine: `${os.availableParallelism()} cores, load average ${os.loadavg().map((value) => value.toFixed(2)).join(' ')}`, formed: {}, requests: 0, byStatus: {}, flows: {}, faults: [], invariants: [], crashes, logs: logDir };
  const mailbox = await startMailCatcher();
  cleanups.push(() => mailbox.close());
  const started = await startEngines(options, root);
  results.formed = started.formed;
  log(`engines formed: ${JSON.stringify(started.formed)}`);
  cleanups.push(() => cleanSharedEngines(options));
  let apps;
  try {
    apps = await startApps({ runId, engines: started.engines, smtpUrl: mailbox.url, easyAccessHost: EASY_ACCESS_HOST, logDir, onExit: (label, how) => crashes.push({ at: new Date().toISOString(), label, how }) });
  } catch (error) {
    results.aborted = `the apps did not start on these engines: ${error.message}. ${lastLines(logDir)}`;
    return finish(results, 1, options);
  }
  cleanups.push(() => apps.stop());
  log('two gateways and two replicas of each service ready');
  const { send, record } = traffic(apps.gateways);
  const companies = await seed({ send, operatorToken: apps.operatorToken, easyAccessHost: EASY_ACCESS_HOST });
  const load = mixedLoad({ send, companies, mailbox });
  for (const person of companies.flatMap((company) => company.clients.slice(0, WITH_CODES))) {
    const session = await signIn(send, person);
    load.ledger.factors.set(person.userId, { email: person.email, active: await enrollTotp(send, person, session.cookie) });
  }
  log(`seeded ${companies.length} companies; load and faults for ${options.seconds} s`);
  const faults = faultInjector({ apps, redisCluster: started.redisCluster, natsCluster: started.natsCluster });
  await Promise.all([load.run(options.seconds), faults.run(options.seconds)]);
  log(`load over: ${record.requests} requests, ${faults.injected.length} faults; settling ${SETTLE_MS / 1000} s`);
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  Object.assign(results, { requests: record.requests, byStatus: record.byStatus, flows: load.ledger.flows, faults: faults.injected, excusedDrops: record.excusedDrops, allowedFailures: record.allowedFailures });
  results.invariants = await checkInvariants({ record, ledger: load.ledger, databaseUrl: started.databaseUrl, mailbox, send });
  return finish(results, results.invariants.every((check) => check.verdict === 'HOLDS') ? 0 : 1, options);
}

/** A smoke's figures are no one's reference: they go to a temporary folder, and the tracked results stay as the last full run left them. */
function resultsDir(options) {
  return options.smoke ? fs.mkdtempSync(path.join(os.tmpdir(), 'chaos-smoke-')) : path.join(__dirname, 'results');
}

async function finish(results, code, options) {
  results.durationSeconds = Math.round((Date.now() - startedAt) / 1000);
  process.stdout.write(writeResults(resultsDir(options), results));
  await cleanUp();
  process.exit(code);
}

/** On the shared servers, this run's keys and stream go; the clusters of the run are stopped whole. */
async function cleanSharedEngines(options) {
  if (options.redis === 'single') {
    const redis = new Redis(SHARED.redis);
    await deleteKeys(redis, `chaos:${runId}:`).finally(() => redis.quit());
  }
  if (options.nats === 'single') await deleteStream(SHARED.nats, `chaos_${runId}_announcements`);
}

function lastLines(logDir) {
  return fs.readdirSync(logDir).map((file) => {
    const lines = fs.readFileSync(path.join(logDir, file), 'utf8').trim().split('\n').filter(Boolean);
    return lines.length > 0 ? `${file}: ${lines.slice(-2).join(' / ').slice(0, 400)}` : null;
  }).filter(Boolean).join('\n');
}

async function cleanUp() {
  while (cleanups.length > 0) await cleanups.pop()().catch((error) => log(`cleanup: ${error.message}`));
}

main().catch(async (error) => {
  log(`chaos failed: ${error.stack ?? error.message}`);
  await cleanUp();
  process.exit(2);
});
