'use strict';
const fs = require('node:fs');
const path = require('node:path');

function render(results) {
  const lines = [`# npm run chaos: ${results.startedAt}`, ''];
  lines.push(`Engines: Redis ${results.engines.redis}, NATS ${results.engines.nats}, Postgres ${results.engines.postgres}. Load for ${results.seconds} s on ${results.machine}.`);
  for (const [engine, formed] of Object.entries(results.formed)) lines.push(`- ${engine} formed: ${JSON.stringify(formed)}`);
  if (results.aborted) lines.push('', `**Run aborted:** ${results.aborted}`);
  const notKilled = [results.engines.redis === 'single' ? 'Redis' : null, results.engines.nats === 'single' ? 'NATS' : null].filter(Boolean);
  if (notKilled.length > 0) lines.push('', `Not killed in this run: ${notKilled.join(' and ')} (the shared single server; its faults need --redis/--nats cluster).`);
  lines.push('', `Requests: ${results.requests}; faults injected: ${results.faults.length} (${summarizeFaults(results.faults)}).`, '');
  lines.push('| status | answers |', '|---|---:|', ...Object.entries(results.byStatus).map(([status, count]) => `| ${status} | ${count} |`), '');
  lines.push('| flow | started | completed |', '|---|---:|---:|', ...Object.entries(results.flows).map(([flow, { started, completed }]) => `| ${flow} | ${started} | ${completed} |`), '');
  lines.push('| invariant | cases checked | failed | verdict |', '|---|---:|---:|---|');
  for (const check of results.invariants) lines.push(`| ${check.what} | ${check.checked} | ${check.failed} | ${check.verdict} |`);
  for (const check of results.invariants.filter((candidate) => candidate.failed > 0)) {
    lines.push('', `## ${check.id}: evidence (first ${check.evidence.length} of ${check.failed})`, '', ...check.evidence.map((item) => `- \`${JSON.stringify(item)}\``));
  }
  if (results.crashes.length > 0) lines.push('', '## Processes that exited unasked', '', ...results.crashes.map((crash) => `- ${crash.at} ${crash.label}: ${crash.how}`));
  lines.push('', '## Faults', '', '| at | target | signal | down ms |', '|---|---|---|---:|');
  for (const fault of results.faults) lines.push(`| ${fault.at} | ${fault.target} | ${fault.signal ?? fault.error} | ${fault.downMs ?? ''} |`);
  return `${lines.join('\n')}\n`;
}

function summarizeFaults(faults) {
  const counts = {};
  for (const fault of faults) counts[`${fault.kind} ${fault.signal ?? 'failed'}`] = (counts[`${fault.kind} ${fault.signal ?? 'failed'}`] ?? 0) + 1;
  return Object.entries(counts).map(([what, count]) => `${count} × ${what}`).join(', ') || 'none';
}

function writeResults(directory, results) {
  fs.mkdirSync(directory, { recursive: true });
  fs.writeFileSync(path.join(directory, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  const markdown = render(results);
  fs.writeFileSync(path.join(directory, 'latest.md'), markdown);
  return markdown;
}

module.exports = { writeResults };
