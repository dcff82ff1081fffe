'use strict';
const path = require('node:path');

const ROOT = path.resolve(__dirname, '../..');

/** Where a function lives, short: a package name, a product file, or Node's internals. */
function areaOf(url) {
  if (!url) return '(native/VM)';
  if (url.startsWith('node:')) return 'node internals';
  const file = url.replace(/^file:\/\//, '');
  const packageMatch = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
  if (packageMatch) return packageMatch[1];
  return path.relative(ROOT, file).replace(/^dist\/apps\/[^/]+\//, '');
}

/** Nodes under the bench's own profiler control (lib/profiler-preload.js): not the app's work. */
function profilerNodes(nodes) {
  const excluded = new Set();
  const visit = (node, inside) => {
    const here = inside || (node.callFrame.url ?? '').endsWith('profiler-preload.js');
    if (here) excluded.add(node.id);
    for (const child of node.children ?? []) visit(nodes.get(child), here);
  };
  visit(nodes.get(1) ?? [...nodes.values()][0], false);
  return excluded;
}

/**
 * Self time per function and per area of a .cpuprofile, biggest first, as a
 * share of the wall time sampled (100 % is one core busy); idle apart.
 * @returns {{ totalMs: number, idleShare: number, functions: {name: string, where: string, ms: number, share: number}[], areas: {area: string, ms: number, share: number}[] }}
 */
function summarizeProfile(profile, top = 15) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const excluded = profilerNodes(nodes);
  const selfMicros = new Map();
  profile.samples.forEach((id, index) => {
    if (!excluded.has(id)) selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0));
  });
  const total = [...selfMicros.values()].reduce((sum, value) => sum + value, 0) || 1;
  const functions = new Map();
  const areas = new Map();
  let idle = 0;
  for (const [id, micros] of selfMicros) {
    const { functionName, url, lineNumber } = nodes.get(id).callFrame;
    if (functionName === '(idle)') {
      idle += micros;
      continue;
    }
    const area = areaOf(url);
    const where = url ? `${area}${url.startsWith('node:') ? ` ${url}` : ''}:${lineNumber + 1}` : area;
    const key = `${functionName || '(anonymous)'}\u0000${where}`;
    functions.set(key, (functions.get(key) ?? 0) + micros);
    areas.set(area, (areas.get(area) ?? 0) + micros);
  }
  const share = (micros) => Math.round((micros / total) * 1000) / 10;
  return {
    totalMs: Math.round(total / 1000),
    idleShare: share(idle),
    functions: [...functions]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([key, micros]) => {
        const [name, where] = key.split('\u0000');
        return { name, where, ms: Math.round(micros / 1000), share: share(micros) };
      }),
    areas: [...areas]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([area, micros]) => ({ area, ms: Math.round(micros / 1000), share: share(micros) })),
  };
}

module.exports = { summarizeProfile };
