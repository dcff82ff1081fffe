'use strict';
const path = require('node:path');
const { randomBytes } = require('node:crypto');
const { existsSync } = require('node:fs');
const { freePort, startNode } = require('./processes');
const { call } = require('./http-call');

const ROOT = path.resolve(__dirname, '../..');
const SERVICES = ['identity', 'mfa', 'tenancy'];
const READY_TIMEOUT_MS = 90_000;
const PROFILER = path.join(__dirname, 'profiler-preload.js');

const entryOf = (app) => path.join(ROOT, 'dist/apps', app, 'apps', app, 'src/main.js');

/**
 * The product as it ships: the compiled apps from dist, NODE_ENV=production,
 * on its own database, key prefix and subject prefix.
 * With `profileDir`, every app can be told to start and stop a CPU profile (lib/profiling.js).
 */
async function startStack({ runId, databaseUrl, smtpUrl, easyAccessHost, profileDir, log, onCrash }) {
  const missing = [...SERVICES, 'gateway'].map(entryOf).filter((entry) => !existsSync(entry));
  if (missing.length > 0) throw new Error(`${missing.join(', ')} missing: run npm run build first`);
  const port = await freePort();
  const operatorToken = randomBytes(24).toString('base64url');
  const common = {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    NATS_URL: process.env.BENCH_NATS_URL ?? 'nats://127.0.0.1:4222',
    NATS_SUBJECT_PREFIX: `bench_${runId}`,
    REDIS_URL: process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379',
    REDIS_KEY_PREFIX: `bench:${runId}:`,
  };
  const serviceEnv = {
    ...common,
    DATABASE_URL: databaseUrl,
    SMTP_URL: smtpUrl,
    MAIL_FROM: 'Bench <bench@bench.test>',
    MFA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    // Links in mails come from configuration, never from a request.
    EASY_ACCESS_HOST: easyAccessHost,
    PORTAL_ORIGIN_TEMPLATE: `http://{host}:${port}`,
  };
  const gatewayEnv = {
    ...common,
    PORT: String(port),
    EASY_ACCESS_HOST: easyAccessHost,
    OPERATOR_TOKEN: operatorToken,
    COOKIE_SECURE: 'false',
    // The bench signs in thousands of times from one address: the limits are not what is measured.
    LOGIN_ATTEMPTS_PER_IP_PER_MINUTE: '1000000000',
    LOGIN_FAILURES_PER_EMAIL: '1000000000',
    // The passkey sign-in options are limited per address (30 a minute, not configurable): the bench's passkey
    // sign-ins come through the loopback as a proxy, each address in X-Forwarded-For making a few (scenarios/passkey.js).
    TRUST_PROXY: '127.0.0.1',
  };
  const start = (app, env, label = app) => {
    const nodeArgs = profileDir ? ['--require', PROFILER] : [];
    const profileEnv = profileDir ? { BENCH_PROFILE_DIR: profileDir, BENCH_PROFILE_LABEL: label } : {};
    return startNode(label, entryOf(app), { env: { ...env, ...profileEnv }, nodeArgs, log, quiet: env.LOG_LEVEL !== 'warn', onUnexpectedExit: onCrash });
  };
  const apps = [...SERVICES.map((app) => start(app, serviceEnv)), start('gateway', gatewayEnv)];
  const stack = {
    port,
    operatorToken,
    keyPrefix: common.REDIS_KEY_PREFIX,
    natsUrl: common.NATS_URL,
    announcementStream: `${common.NATS_SUBJECT_PREFIX}_announcements`,
    apps,
    stop: () => Promise.all(apps.map((app) => app.stop())),
    /**
     * One more gateway over the same services, at another LOG_LEVEL (docker-compose ships info,
     * which logs every request): what the request log costs, measured in the same run.
     */
    async gatewayLoggingAt(logLevel) {
      const extraPort = await freePort();
      const label = `gateway-${logLevel}`;
      const app = start('gateway', { ...gatewayEnv, PORT: String(extraPort), LOG_LEVEL: logLevel }, label);
      apps.push(app);
      await waitUntilReady(extraPort, easyAccessHost);
      return { port: extraPort, app };
    },
  };
  await waitUntilReady(port, easyAccessHost);
  return stack;
}

async function waitUntilReady(port, host) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let problem = 'no answer yet';
  while (Date.now() < deadline) {
    const answer = await call(port, 'GET', host, '/health/ready').catch((error) => ({ error }));
    if (answer.status === 200) return;
    problem = answer.error ? answer.error.message : `${answer.status} ${answer.text}`;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`the stack is not ready after ${READY_TIMEOUT_MS / 1000} s: ${problem}`);
}

module.exports = { startStack };
