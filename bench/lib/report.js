'use strict';
const fs = require('node:fs');
const path = require('node:path');

const fixed = (value, digits = 1) => (value === null || value === undefined || Number.isNaN(value) ? 'n/a' : Number(value).toFixed(digits));

/** The targets of the issue, each a ratio or a bound measured in this run. */
function evaluateTargets({ scenarios: s, references: r, redis }) {
  const ratio = (a, b) => (a && b ? a / b : null);
  const check = (id, what, measured, bound, passes, unit = '') => ({
    id,
    what,
    measured: measured === null ? null : Math.round(measured * 1000) / 1000,
    target: bound,
    unit,
    verdict: measured === null ? 'MISS' : passes(measured) ? 'PASS' : 'MISS',
  });
  return [
    check('me_vs_floor', 'GET /api/me req/s ÷ floor req/s', ratio(s.me1k.rps, r.floor.rps), '≥ 0.5', (v) => v >= 0.5),
    check('me_vs_peer', 'GET /api/me req/s ÷ better-auth getSession req/s', ratio(s.me1k.rps, r.peerGetSession.rps), '≥ 2', (v) => v >= 2),
    check('sign_in_vs_ceiling', 'email sign-in req/s ÷ argon2id verifications/s (all cores)', ratio(s.signIn1k.rps, r.hashCeiling.verifiesPerSecond), '≥ 0.85', (v) => v >= 0.85),
    check('sign_in_p50', 'email sign-in p50 (1 connection) − one argon2id verification', s.signInLatency.p50 - r.singleVerify.ms, '≤ 5', (v) => v <= 5, 'ms'),
    check('totp_vs_peer', 'TOTP step req/s ÷ better-auth verify-totp req/s', ratio(s.totp.rps, r.peerTotp.rps), '≥ 1.5', (v) => v >= 1.5),
    check('totp_p99', `TOTP step p99 at ${s.totp.connections} connections`, s.totp.p99, '< 15', (v) => v < 15, 'ms'),
    check('growth_me', 'GET /api/me req/s at 100,000 ÷ at 1,000 users', ratio(s.me100k.rps, s.me1k.rps), '> 0.9', (v) => v > 0.9),
    check('growth_sign_in', 'email sign-in req/s at 100,000 ÷ at 1,000 users', ratio(s.signIn100k.rps, s.signIn1k.rps), '> 0.9', (v) => v > 0.9),
    check('redis_per_session', 'Redis used_memory per web session', redis.bytesPerSession, '≤ 1024', (v) => v <= 1024, 'B'),
  ];
}

function scenarioRows({ scenarios: s, references: r }) {
  const row = (name, system, result) => ({ name, system, ...result });
  return [
    row('GET /api/me (1,000 users)', 'product', s.me1k),
    row('GET /api/me (100,000 users)', 'product', s.me100k),
    row('floor: node:http + one Redis GET', 'reference', r.floor),
    row('getSession, cookie cache off', 'better-auth', r.peerGetSession),
    row('email sign-in (1,000 users)', 'product', s.signIn1k),
    row('email sign-in, 1 connection', 'product', s.signInLatency),
    row('email sign-in (100,000 users)', 'product', s.signIn100k),
    row('email sign-in /sign-in/email', 'better-auth', r.peerSignIn),
    row('TOTP step POST /api/auth/totp', 'product', s.totp),
    row('TOTP /two-factor/verify-totp', 'better-auth', r.peerTotp),
    row('mobile unlock by PIN', 'product', s.unlock),
  ];
}

function render(results) {
  const lines = [];
  const { machine, hashCeiling } = { machine: results.machine, hashCeiling: results.references.hashCeiling };
  lines.push(`# npm run bench: ${results.startedAt}`, '');
  lines.push(`Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, Node ${machine.node}; load average at start ${machine.loadAverage.join(' ')}.`);
  lines.push(`Whole run: ${fixed(results.durationSeconds, 0)} s. Latencies are autocannon's, in whole milliseconds.`, '');
  lines.push('| scenario | system | conns | req/s | p50 ms | p99 ms | errors | requests | load avg |', '|---|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const row of scenarioRows(results)) {
    lines.push(`| ${row.name} | ${row.system} | ${row.connections} | ${fixed(row.rps)} | ${row.p50} | ${row.p99} | ${row.errors} | ${row.total} | ${fixed(row.loadAverage)} |`);
  }
  lines.push('', `Hash ceiling: ${fixed(hashCeiling.verifiesPerSecond)} argon2id verifications/s on ${hashCeiling.workers} worker threads (m=19456 KiB, t=2, p=1); one verification alone: ${fixed(results.references.singleVerify.ms, 2)} ms (median of ${results.references.singleVerify.samples}).`);
  const { redis } = results;
  lines.push(
    `Redis: used_memory grew by ${redis.usedMemoryDelta} B over ${redis.signIns} sign-ins: ${fixed(redis.bytesPerSession, 0)} B per web session ` +
      `(cross-check, MEMORY USAGE of this run's keys per session: ${fixed(redis.keyBytesPerSession, 0)} B, of which ` +
      `${Object.entries(redis.keyBytesPerSessionByKind).map(([kind, { bytesPerSession }]) => `${kind} ${bytesPerSession} B`).join(', ')})` +
      (redis.signIns < redis.target ? `; ${redis.target} sign-ins were asked, the time cap (BENCH_MEMORY_MAX_SECONDS) stopped at ${redis.signIns}.` : '.'),
    '',
  );
  lines.push('| target | measured | bound | verdict |', '|---|---:|---:|---|');
  for (const target of results.targets) {
    lines.push(`| ${target.what} | ${fixed(target.measured, target.unit ? 1 : 3)}${target.unit ? ` ${target.unit}` : ''} | ${target.target}${target.unit ? ` ${target.unit}` : ''} | ${target.verdict} |`);
  }
  const peerShareOfCeiling = results.references.peerSignIn.rps / hashCeiling.verifiesPerSecond;
  lines.push('', `Not a target, for scale: better-auth's email sign-in ÷ the hash ceiling is ${fixed(peerShareOfCeiling, 3)} (one process: one hash and its SQL per sign-in).`);
  if (results.profiles) {
    lines.push('', '## CPU profiles (self time)', '');
    for (const [scenario, apps] of Object.entries(results.profiles)) {
      for (const [app, summary] of Object.entries(apps)) {
        lines.push(`### ${scenario}: ${app} (${summary.totalMs} ms sampled, idle ${fixed(summary.idleShare)} %)`, '', '| self % | function | where |', '|---:|---|---|');
        for (const fn of summary.functions) lines.push(`| ${fixed(fn.share)} | ${fn.name} | ${fn.where} |`);
        lines.push('', `By area: ${summary.areas.map((area) => `${area.area} ${fixed(area.share)} %`).join(', ')}`, '');
      }
    }
  }
  return `${lines.join('\n')}\n`;
}

function writeResults(directory, results) {
  fs.mkdirSync(directory, { recursive: true });
  fs.writeFileSync(path.join(directory, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  const markdown = render(results);
  fs.writeFileSync(path.join(directory, 'latest.md'), markdown);
  return markdown;
}

module.exports = { evaluateTargets, writeResults };
