'use strict';
const { call } = require('../../bench/lib/http-call');

/**
 * Every request of the run goes through here: it picks a gateway in the
 * rotation, and keeps what came back (status, Retry-After, dropped connection)
 * for the invariants. `expect` lists the statuses the flow counts as success.
 */
function traffic(gateways) {
  const record = { requests: 0, byStatus: {}, dropped: [], excusedDrops: 0, badFailures: [], allowedFailures: 0 };
  const tally = (key) => (record.byStatus[key] = (record.byStatus[key] ?? 0) + 1);
  async function send(method, host, path, { body, cookie, headers = {}, expect = [200], gateway } = {}) {
    const target = gateway ?? pick(gateways);
    const epoch = target.epoch;
    const allHeaders = { ...headers, ...(method === 'POST' ? { origin: `http://${host}` } : {}), ...(cookie ? { cookie } : {}) };
    record.requests += 1;
    try {
      const answer = await call(target.port, method, host, path, { body, headers: allHeaders });
      tally(answer.status);
      const retryAfter = answer.headers['retry-after'];
      const allowed = answer.status === 429 || (answer.status === 503 && retryAfter !== undefined);
      if (!expect.includes(answer.status)) {
        if (allowed) record.allowedFailures += 1;
        else record.badFailures.push({ at: new Date().toISOString(), gateway: target.label, method, path, status: answer.status, retryAfter: retryAfter ?? null, body: answer.text.slice(0, 200) });
      }
      return { ...answer, ok: expect.includes(answer.status) };
    } catch (error) {
      tally('no answer');
      // A SIGKILLed gateway drops what it held: excused. Any other dropped connection is a violation.
      if (target.epoch !== epoch) record.excusedDrops += 1;
      else record.dropped.push({ at: new Date().toISOString(), gateway: target.label, method, path, error: error.message });
      return { status: null, ok: false, error };
    }
  }
  return { send, record };
}

function pick(gateways) {
  const up = gateways.filter((gateway) => gateway.up);
  const pool = up.length > 0 ? up : gateways;
  return pool[Math.floor(Math.random() * pool.length)];
}

module.exports = { traffic };
