'use strict';
/**
 * The hops of one email sign-in, counted: every NATS request (subjects under
 * the run's prefix), every Redis command (MONITOR, keys under the run's
 * prefix; those a Lua script runs are marked) and every SQL statement (a relay
 * in front of Postgres, lib/pg-statement-tap.js) that the product makes for it.
 *   node bench/hops.js    (after npm run build; writes bench/results/hops.md)
 * MONITOR and the relay slow everything down: this counts, it does not time.
 */
const fs = require('node:fs');
const path = require('node:path');
const { randomBytes } = require('node:crypto');
const Redis = require('ioredis');
const { connect } = require('nats');
const { hash } = require('@node-rs/argon2');
const { createDatabase, dropDatabase } = require('./lib/database');
const { ARGON2_OPTIONS } = require('./lib/hash-ceiling');
const { call, expectStatus } = require('./lib/http-call');
const { startMailSink } = require('./lib/mail-sink');
const { deleteKeys } = require('./lib/redis-memory');
const { deleteStream } = require('./lib/nats-streams');
const { bulkInsertPopulation, CLIENTS_PER_COMPANY, emailOf, firstClientOf, hostOf, seedThroughOperatorApi } = require('./lib/product-seed');
const { startStatementTap } = require('./lib/pg-statement-tap');
const { startStack } = require('./lib/stack');

const PASSWORD = 'Bench-Sign-In-2026!';
const EASY_ACCESS_HOST = 'portal.bench.test';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const POSTGRES = new URL(process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
const COUNTED_SIGN_INS = 20;
const SETTLE_MS = 1500;
const IDLE_MS = 8000;
const runId = randomBytes(4).toString('hex');
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (line) => process.stdout.write(`${line}\n`);

/** Ids, tokens, addresses and numbers out, so that the same hop of two sign-ins reads the same. */
const shape = (text) =>
  text
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<id>')
    .replace(/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+/g, '<email>')
    .replace(/[A-Za-z0-9_-]{20,}/g, '<token>')
    .replace(/\b\d+\b/g, 'N')
    .replace(/\s+/g, ' ')
    .trim();

/** Records hops from the three sources while `recording` is on. */
function hopRecorder({ keyPrefix, subjectPrefix }) {
  const recorder = { recording: false, hops: [] };
  const add = (kind, what) => recorder.recording && recorder.hops.push({ kind, what, at: process.hrtime.bigint() });
  recorder.onRedis = (_time, args, source) => {
    if (!args.some((arg) => String(arg).includes(keyPrefix))) return;
    const [command, ...rest] = args;
    // The command and its keys: the values (a session's fields, a cached view) differ from user to user.
    const shown = command.toLowerCase() === 'evalsha' ? [command, `${rest[0].slice(0, 8)}…`, ...rest.slice(2, 2 + Number(rest[1]))] : [command, rest[0] ?? ''];
    add(source === 'lua' ? 'Redis, inside a script' : 'Redis', shape(shown.map((arg) => String(arg).replace(keyPrefix, '')).join(' ')));
  };
  recorder.onNats = (subject) => add('NATS request', subject.slice(subjectPrefix.length + 1));
  recorder.onSql = (text) => add('SQL', shape(text).slice(0, 160));
  return recorder;
}

async function signIn(stack, index) {
  const host = hostOf(index);
  await expectStatus(
    200,
    call(stack.port, 'POST', host, '/api/auth/login', { body: { email: emailOf(index), password: PASSWORD }, headers: { origin: `http://${host}` } }),
    `sign-in of ${emailOf(index)}`,
  );
}

/**
 * The outboxes' polling runs whether anyone signs in or not: a hop of the idle
 * window counts against a sign-in only beyond its idle rate.
 */
function withoutBackground(counts, background, { idleSeconds, seconds, signIns }) {
  const idle = new Map(background.map(({ kind, what, count }) => [`${kind}\u0000${what}`, count / idleSeconds]));
  return counts
    .map((hop) => ({ ...hop, count: hop.count - (idle.get(`${hop.kind}\u0000${hop.what}`) ?? 0) * seconds }))
    // The polling's rate varies a little: what is left of it is no hop of a sign-in.
    .filter((hop) => hop.count >= signIns / 4);
}

function render({ sequence, counts, signIns, background, seconds }) {
  const lines = [`# The hops of one email sign-in (node bench/hops.js, ${new Date().toISOString()})`, ''];
  lines.push('One sign-in of a user without 2FA on their company\'s host (not cached by the gateway), in the order the hops were seen:', '');
  lines.push('| # | kind | hop |', '|---:|---|---|');
  const idle = new Set(background.map(({ kind, what }) => `${kind}\u0000${what}`));
  sequence
    .filter((hop) => !idle.has(`${hop.kind}\u0000${hop.what}`))
    .forEach((hop, index) => lines.push(`| ${index + 1} | ${hop.kind} | \`${hop.what.replace(/\|/g, '\\|')}\` |`));
  lines.push('', `Per sign-in, over ${signIns} sign-ins of distinct people one after the other:`, '');
  lines.push('| kind | hop | per sign-in |', '|---|---|---:|');
  for (const { kind, what, count } of counts) lines.push(`| ${kind} | \`${what.replace(/\|/g, '\\|')}\` | ${(count / signIns).toFixed(1)} |`);
  const totals = {};
  for (const { kind, count } of counts) totals[kind] = (totals[kind] ?? 0) + count / signIns;
  lines.push('', `Totals per sign-in: ${Object.entries(totals).map(([kind, total]) => `${kind} ${total.toFixed(1)}`).join(', ')}.`);
  lines.push(
    `Left out above, as they run with no sign-in at all (${seconds} s idle): ${background.length === 0 ? 'nothing' : background.map(({ kind, what, count }) => `${kind} \`${what}\` ×${count}`).join(', ')}.`,
  );
  return `${lines.join('\n')}\n`;
}

function tally(hops) {
  const counts = new Map();
  for (const { kind, what } of hops) counts.set(`${kind}\u0000${what}`, (counts.get(`${kind}\u0000${what}`) ?? 0) + 1);
  return [...counts].map(([key, count]) => ({ kind: key.split('\u0000')[0], what: key.split('\u0000')[1], count }));
}

async function main() {
  const cleanups = [];
  try {
    const databaseName = `portal_bench_${runId}`;
    const databaseUrl = new URL(await createDatabase(databaseName));
    cleanups.push(() => dropDatabase(databaseName));
    const recorder = hopRecorder({ keyPrefix: `bench:${runId}:`, subjectPrefix: `bench_${runId}` });
    const tap = await startStatementTap({ target: { host: POSTGRES.hostname, port: Number(POSTGRES.port || 5432) }, onStatement: recorder.onSql });
    cleanups.push(() => tap.close());
    databaseUrl.port = String(tap.port);
    const mailSink = await startMailSink();
    cleanups.push(() => mailSink.close());
    const stack = await startStack({ runId, databaseUrl: databaseUrl.toString(), smtpUrl: mailSink.url, easyAccessHost: EASY_ACCESS_HOST, log, onCrash: (error) => log(error.message) });
    const redis = new Redis(REDIS_URL);
    cleanups.push(() => redis.quit());
    cleanups.push(() => deleteKeys(redis, stack.keyPrefix));
    cleanups.push(() => deleteStream(stack.natsUrl, stack.announcementStream));
    cleanups.push(() => stack.stop());

    const storedHash = await hash(PASSWORD, ARGON2_OPTIONS);
    await seedThroughOperatorApi(stack, { easyAccessHost: EASY_ACCESS_HOST, from: 1, to: CLIENTS_PER_COMPANY, password: PASSWORD });
    await bulkInsertPopulation(databaseUrl.toString(), { from: CLIENTS_PER_COMPANY + 1, to: firstClientOf(4 + COUNTED_SIGN_INS) - 1, storedHash });
    // The first client of each of companies 1 and 2 warms the apps; every sign-in after is the first on its company's
    // host, which the gateway has not cached yet: the longest path (later clients of a firm skip hops 1 and 2).
    for (let company = 1; company <= 2; company += 1) await signIn(stack, firstClientOf(company));

    const monitor = await new Redis(REDIS_URL).monitor();
    cleanups.push(() => monitor.disconnect());
    monitor.on('monitor', recorder.onRedis);
    const nats = await connect({ servers: stack.natsUrl });
    cleanups.push(() => nats.close());
    const subscription = nats.subscribe(`bench_${runId}.>`, { callback: (_error, message) => recorder.onNats(message.subject) });
    cleanups.push(() => subscription.unsubscribe());
    await pause(SETTLE_MS);

    const window = async (task) => {
      recorder.hops = [];
      recorder.recording = true;
      const started = Date.now();
      await task();
      await pause(SETTLE_MS);
      recorder.recording = false;
      return { hops: [...recorder.hops].sort((a, b) => (a.at < b.at ? -1 : 1)), seconds: (Date.now() - started) / 1000 };
    };
    const idle = await window(() => pause(IDLE_MS));
    const background = tally(idle.hops);
    const sequence = await window(() => signIn(stack, firstClientOf(3)));
    const counted = await window(async () => {
      for (let company = 4; company < 4 + COUNTED_SIGN_INS; company += 1) await signIn(stack, firstClientOf(company));
    });
    const counts = withoutBackground(tally(counted.hops), background, { idleSeconds: idle.seconds, seconds: counted.seconds, signIns: COUNTED_SIGN_INS });
    const markdown = render({ sequence: sequence.hops, counts, signIns: COUNTED_SIGN_INS, background, seconds: Math.round(idle.seconds) });
    const file = path.join(__dirname, 'results', 'hops.md');
    fs.writeFileSync(file, markdown);
    log(`\n${markdown}\nWritten to ${path.relative(process.cwd(), file)}.`);
  } finally {
    while (cleanups.length > 0) await Promise.resolve(cleanups.pop()()).catch((error) => log(`cleanup: ${error.message}`));
  }
}

main().then(
  // Keep-alive sockets of the HTTP agent would hold the process open for a while.
  () => process.exit(0),
  (error) => {
    log(`hops failed: ${error.stack}`);
    process.exit(1);
  },
);
