'use strict';
const os = require('node:os');
const autocannon = require('autocannon');

const DEFAULT_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 2);

/**
 * Drives one scenario with autocannon against 127.0.0.1:port and sums it up.
 * `request(context)` returns { method, path, headers, body } for each request
 * (so cookies, Host and TOTP codes can change per request); `onResponse` sees
 * each answer. A warm-up of the same requests runs first unless warmup is 0;
 * `hooks.beforeRun` and `hooks.afterRun` bracket the measured part (CPU profiles);
 * with `cpu` ({ meter, parts }, lib/cpu.js) the result carries the CPU time per
 * request of each of those parts during the measured part.
 * @returns {Promise<{rps:number, p50:number, p99:number, errors:number, ok:number, total:number, seconds:number, connections:number, statuses:object, sampleError:string|null}>}
 */
async function measure({ port, connections, seconds = DEFAULT_SECONDS, amount, warmup = WARMUP_SECONDS, warmupAmount, hooks, cpu, request, onResponse }) {
  if (warmup > 0 || warmupAmount) {
    await drive({ port, connections, seconds: warmupAmount ? undefined : warmup, amount: warmupAmount, request, onResponse: () => {} });
  }
  await hooks?.beforeRun?.();
  try {
    const before = await cpu?.meter.read();
    const result = await drive({ port, connections, seconds: amount ? undefined : seconds, amount, request, onResponse });
    if (!cpu) return result;
    return { ...result, cpu: cpu.meter.perOperation(before, await cpu.meter.read(), result.total, cpu.parts) };
  } finally {
    await hooks?.afterRun?.();
  }
}

async function drive({ port, connections, seconds, amount, request, onResponse }) {
  const statuses = {};
  let sampleError = null;
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: amount ? Math.min(connections, amount) : connections,
    pipelining: 1,
    timeout: 30,
    // autocannon notices the end of a run only at a sample tick: at its default of 1 s, a run of
    // `amount` requests would count up to a second too long.
    sampleInt: 10,
    ...(amount ? { amount } : { duration: seconds }),
    requests: [
      {
        setupRequest: (defaults, context) => {
          const built = request(context);
          if (!built) return null;
          const headers = { ...built.headers };
          let body;
          if (built.body !== undefined) {
            body = JSON.stringify(built.body);
            headers['content-type'] = 'application/json';
          }
          return { ...defaults, method: built.method ?? 'GET', path: built.path, headers, body };
        },
        onResponse: (status, body, context, headers) => {
          statuses[status] = (statuses[status] ?? 0) + 1;
          if (status >= 300 && sampleError === null) sampleError = `${status} ${String(body).slice(0, 200)}`;
          onResponse?.(status, body, context, headers);
        },
      },
    ],
  });
  const total = result.requests.total;
  const errors = result.errors + result.timeouts + result.non2xx;
  return {
    rps: round(total / result.duration, 1),
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors,
    ok: result['2xx'],
    total,
    seconds: round(result.duration, 2),
    connections,
    statuses,
    sampleError,
    /** The machine's 1-minute load average as the run ended: other work on the machine shows here. */
    loadAverage: Math.round(os.loadavg()[0] * 100) / 100,
  };
}

const round = (value, digits) => Math.round(value * 10 ** digits) / 10 ** digits;

module.exports = { measure };
