'use strict';
/**
 * `npm start` (after `npm run build`): the four apps on this machine's Postgres,
 * Redis and NATS, a mail sink that prints every mail, and demo data on first run.
 * Development only: the defaults below hold dev secrets; each can be overridden
 * by the environment. `node scripts/start.js --help` lists them.
 */
const net = require('node:net');
const path = require('node:path');
const readline = require('node:readline');
const { spawn } = require('node:child_process');
const { existsSync } = require('node:fs');
const { Client } = require('pg');
const { prettyFactory } = require('pino-pretty');
const { startMailSink } = require('./start/mail-sink');
const { gatewayHttp, waitUntilReady } = require('./start/gateway-http');
const { seedDemo, DEMO_PASSWORD } = require('./start/demo-seed');

const ROOT = path.resolve(__dirname, '..');
const APPS = ['identity', 'mfa', 'tenancy', 'gateway'];
const READY_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 10_000;
const MAIL_SINK = { host: '127.0.0.1', port: 1025 };

const DEFAULTS = {
  PORT: '3000',
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/portal',
  REDIS_URL: 'redis://127.0.0.1:6379',
  NATS_URL: 'nats://127.0.0.1:4222',
  EASY_ACCESS_HOST: 'localhost',
  OPERATOR_TOKEN: 'dev-operator-token',
  COOKIE_SECURE: 'false',
  MAIL_FROM: 'Client portal <no-reply@portal.localhost>',
  // DEV ONLY: a fixed key so that TOTP secrets survive restarts. Never use it anywhere else.
  MFA_ENCRYPTION_KEY: 'ZGV2LW9ubHktbWZhLWtleS1ub3QtZm9yLXByb2QhISE=',
};

const env = { ...DEFAULTS, ...process.env };
const port = Number(env.PORT);
/**
 * Two copies on one machine (a second checkout, the bench, a test run left
 * behind) must not share NATS queue groups, the announcements stream or Redis
 * keys: unless set, both prefixes come from the database name, which already
 * tells the copies apart.
 */
const databaseName = decodeURIComponent(new URL(env.DATABASE_URL).pathname.slice(1)) || 'portal';
const deploymentName = databaseName.replace(/[^A-Za-z0-9_-]/g, '-');
env.NATS_SUBJECT_PREFIX ??= deploymentName;
env.REDIS_KEY_PREFIX ??= `${deploymentName}:`;
// Readable lines in a terminal; the apps' JSON as it is when the output goes to a file or a collector.
const prettyLine = process.stdout.isTTY ? prettyFactory({ colorize: true, singleLine: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' }) : null;
// Links in mails open the portal on this machine's port.
env.PORTAL_ORIGIN_TEMPLATE ??= `http://{host}:${port}`;
// `npm run dev`: each app is rebuilt when its sources change, and restarted when its build does.
const watch = process.argv.includes('--watch');
const children = new Map();
let mailSink = null;
let stopping = false;

function log(label, line) {
  process.stdout.write(`${label.padEnd(8)} | ${line}\n`);
}

function fail(message) {
  log('start', `error: ${message}`);
  return stopAll(1);
}

async function ensurePortFree() {
  await new Promise((resolve, reject) => {
    const probe = net.createServer().once('error', reject);
    probe.listen(port, () => probe.close(resolve));
  }).catch((error) => {
    throw new Error(`port ${port} is taken (${error.code}); stop what uses it or set PORT`);
  });
}

async function ensureDatabase() {
  const url = new URL(env.DATABASE_URL);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString() });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(`Postgres is not reachable at ${url.host} (${error.message}); start it or set DATABASE_URL`);
  }
  try {
    const existing = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (existing.rowCount > 0) return;
    await client.query(`create database "${name.replace(/"/g, '""')}"`);
    log('start', `created database ${name}`);
  } catch (error) {
    // 42P04: created meanwhile by another start, which is just as good.
    if (error.code !== '42P04') throw error;
  } finally {
    await client.end();
  }
}

const entryOf = (app) => path.join(ROOT, 'dist/apps', app, 'apps', app, 'src/main.js');

function ensureBuilt() {
  const missing = APPS.map(entryOf).filter((entry) => !existsSync(entry));
  if (missing.length > 0) {
    throw new Error(`${missing.map((entry) => path.relative(ROOT, entry)).join(', ')} missing; run npm run build first`);
  }
}

function readable(line) {
  if (!prettyLine || !line.startsWith('{')) return line;
  try {
    return prettyLine(line).trimEnd();
  } catch {
    return line;
  }
}

function spawnApp(app) {
  const entry = entryOf(app);
  const child = spawn(process.execPath, watch ? ['--watch', entry] : [entry], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  for (const output of [child.stdout, child.stderr]) {
    readline.createInterface({ input: output }).on('line', (line) => log(app, readable(line)));
  }
  child.on('exit', (code, signal) => {
    children.delete(app);
    if (!stopping) void fail(`${app} exited (${signal ?? `code ${code}`}); stopping everything`);
  });
  children.set(app, child);
}

/** Compiles the app again on every change of its sources (or the libraries'), which `node --watch` then restarts. */
function spawnBuildWatcher(app) {
  const nest = path.join(ROOT, 'node_modules/@nestjs/cli/bin/nest.js');
  const child = spawn(process.execPath, [nest, 'build', app, '--watch', '--preserveWatchOutput'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  for (const output of [child.stdout, child.stderr]) {
    readline.createInterface({ input: output }).on('line', (line) => log(`${app}:tsc`, line));
  }
  children.set(`${app}:tsc`, child);
}

async function stopAll(exitCode) {
  if (stopping) return;
  stopping = true;
  const exits = [...children.values()].map((child) => new Promise((resolve) => child.once('exit', resolve)));
  for (const child of children.values()) child.kill('SIGTERM');
  const killer = setTimeout(() => children.forEach((child) => child.kill('SIGKILL')), STOP_GRACE_MS);
  await Promise.all(exits);
  clearTimeout(killer);
  mailSink?.close();
  process.exit(exitCode);
}

function printWelcome(seeded) {
  const base = (host) => `http://${host}:${port}`;
  [
    `Client portal is running${seeded ? ' (demo data created)' : ''}:`,
    `  easy access     ${base(env.EASY_ACCESS_HOST)}/easy-access`,
    `  Cabinet Dupont  ${base('dupont.localhost')}`,
    `  Martin Avocats  ${base('martin.localhost')}`,
    `  OpenAPI         ${base(env.EASY_ACCESS_HOST)}/docs`,
    `NATS subjects prefixed "${env.NATS_SUBJECT_PREFIX}", Redis keys "${env.REDIS_KEY_PREFIX}": another copy needs another DATABASE_URL.`,
    `Demo sign-ins, password ${DEMO_PASSWORD}:`,
    '  claire.durand@example.com  client of both companies (two accounts at Cabinet Dupont)',
    '  admin@dupont.example.com   admin of Cabinet Dupont',
    mailSink ? 'Mails (activation and reset links) are printed here, prefixed "mail".' : `Mails go to ${env.SMTP_URL}.`,
    'Ctrl-C stops everything.',
  ].forEach((line) => log('start', line));
}

function printHelp() {
  const width = Math.max(...[...Object.keys(DEFAULTS), 'NATS_SUBJECT_PREFIX'].map((key) => key.length));
  const row = (key, value) => process.stdout.write(`  ${key.padEnd(width)}  ${value}\n`);
  process.stdout.write('Usage: npm start   (or node scripts/start.js after npm run build)\n');
  process.stdout.write('       npm run dev (the same, rebuilding and restarting each app when its sources change)\n\n');
  process.stdout.write('Runs gateway, identity, mfa and tenancy locally. Defaults, each overridable by the environment:\n');
  Object.entries(DEFAULTS).forEach(([key, value]) => row(key, value));
  row('NATS_SUBJECT_PREFIX', 'the database name (portal), so that two copies on one machine never share subjects');
  row('REDIS_KEY_PREFIX', 'the database name and a colon (portal:), for the same reason');
  row('SMTP_URL', `a mail sink on ${MAIL_SINK.host}:${MAIL_SINK.port} that prints mails here`);
}

async function main() {
  if (process.argv.includes('--help') || process.argv.includes('-h')) return printHelp();
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));
  try {
    ensureBuilt();
    await ensurePortFree();
    if (!process.env.SMTP_URL) {
      mailSink = await startMailSink(MAIL_SINK, (line) => log('mail', line));
      env.SMTP_URL = `smtp://${MAIL_SINK.host}:${MAIL_SINK.port}`;
    }
    await ensureDatabase();
    APPS.forEach(spawnApp);
    if (watch) APPS.forEach(spawnBuildWatcher);
    const call = gatewayHttp(port);
    await waitUntilReady(call, { host: env.EASY_ACCESS_HOST, port, timeoutMs: READY_TIMEOUT_MS });
    const seeded = await seedDemo(call, { easyAccessHost: env.EASY_ACCESS_HOST, operatorToken: env.OPERATOR_TOKEN });
    printWelcome(seeded);
  } catch (error) {
    await fail(error.message);
  }
}

void main();
