'use strict';
const path = require('node:path');
const { randomBytes } = require('node:crypto');
const { existsSync } = require('node:fs');
const { freePort } = require('../../bench/lib/processes');
const { call } = require('../../bench/lib/http-call');
const { supervised, waitFor, fatal } = require('./servers');

const ROOT = path.resolve(__dirname, '../..');
const SERVICES = ['identity', 'mfa', 'tenancy'];
const REPLICAS = 2;
const entryOf = (app) => path.join(ROOT, 'dist/apps', app, 'apps', app, 'src/main.js');

/** What each engine switch gives the apps: the variables of issue 18, and only those, so a run says what the product really used. */
function engineEnv({ redis, nats, databaseUrl }) {
  return {
    ...(redis.seeds ? { REDIS_CLUSTER_NODES: redis.seeds } : { REDIS_URL: redis.url }),
    NATS_URL: nats.urls,
    ...(nats.cluster ? { ANNOUNCEMENTS_REPLICAS: '3' } : {}),
    DATABASE_URL: databaseUrl,
  };
}

/**
 * Two gateways and two replicas of each service, from dist, each a process the
 * faults may kill. A gateway counts as up from its first 200 on /health/ready
 * until the fault injector takes it out of the rotation (as a load balancer would).
 */
async function startApps({ runId, engines, smtpUrl, easyAccessHost, logDir, onExit }) {
  const missing = [...SERVICES, 'gateway'].map(entryOf).filter((entry) => !existsSync(entry));
  if (missing.length > 0) throw new Error(`${missing.join(', ')} missing: run npm run build first`);
  const ports = [await freePort(), await freePort()];
  const operatorToken = randomBytes(24).toString('base64url');
  const common = {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    NATS_SUBJECT_PREFIX: `chaos_${runId}`,
    REDIS_KEY_PREFIX: `chaos:${runId}:`,
    ...engineEnv(engines),
  };
  const serviceEnv = {
    ...common,
    SMTP_URL: smtpUrl,
    MAIL_FROM: 'Chaos <chaos@chaos.test>',
    MFA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    EASY_ACCESS_HOST: easyAccessHost,
    PORTAL_ORIGIN_TEMPLATE: `http://{host}:${ports[0]}`,
  };
  const gatewayEnv = (port) => ({
    ...common,
    PORT: String(port),
    EASY_ACCESS_HOST: easyAccessHost,
    OPERATOR_TOKEN: operatorToken,
    COOKIE_SECURE: 'false',
    // The load signs in from one address: the per-address limits would answer 429 to nearly everything.
    LOGIN_ATTEMPTS_PER_IP_PER_MINUTE: '1000000000',
  });
  const app = (label, name, env) =>
    supervised(label, process.execPath, [entryOf(name)], { env, logFile: path.join(logDir, `${label}.log`), onExit });
  const services = SERVICES.flatMap((name) => Array.from({ length: REPLICAS }, (_, index) => app(`${name}-${index}`, name, serviceEnv)));
  const gateways = ports.map((port, index) => Object.assign(app(`gateway-${index}`, 'gateway', gatewayEnv(port)), { port, up: false, epoch: 0 }));
  // The first replica of each service migrates its schema alone; the second starts on a migrated one.
  for (const service of services.filter((_, index) => index % REPLICAS === 0)) service.start();
  for (const gateway of gateways) gateway.start();
  // A process that exits while the stack boots (a setting it does not know, an engine it cannot reach) ends the wait at once.
  const booting = [...services.filter((_, index) => index % REPLICAS === 0), ...gateways];
  const exited = () => booting.filter((process) => !process.running).map((process) => process.label);
  await Promise.all(gateways.map((gateway) => gatewayReady(gateway, easyAccessHost, 120_000, exited)));
  for (const service of services.filter((_, index) => index % REPLICAS !== 0)) service.start();
  return {
    operatorToken,
    services,
    gateways,
    ready: (gateway, timeoutMs) => gatewayReady(gateway, easyAccessHost, timeoutMs),
    stop: () => Promise.all([...gateways, ...services].map((process) => process.stop())),
  };
}

async function gatewayReady(gateway, host, timeoutMs = 60_000, exited = () => []) {
  await waitFor(`${gateway.label} ready`, async () => {
    if (exited().length > 0) throw fatal(`${exited().join(', ')} exited while starting`);
    const answer = await call(gateway.port, 'GET', host, '/health/ready');
    if (answer.status !== 200) throw new Error(`${answer.status} ${answer.text.slice(0, 200)}`);
    return true;
  }, timeoutMs);
  gateway.up = true;
}

module.exports = { startApps, SERVICES };
