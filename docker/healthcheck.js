'use strict';
/**
 * Container healthcheck: `node docker/healthcheck.js <gateway|identity|mfa|tenancy>`.
 * Exits 0 when the app answers, 1 otherwise.
 *
 * The gateway is asked GET /health/live over HTTP, with the easy access host as
 * Host so that the check never depends on how unknown hosts are treated.
 * The services have no HTTP: they are sent their `<service>.health.check`
 * request over NATS, in Nest's packet format. NATS hands it to any process of
 * the service's queue group, so with `--scale` this says "the service answers"
 * rather than "this very replica answers"; a replica that dies still stops its
 * container, which Compose then restarts.
 */
const http = require('node:http');
const { randomUUID } = require('node:crypto');
const { connect, JSONCodec } = require('nats');

const TIMEOUT_MS = 3000;
const SERVICES = ['identity', 'mfa', 'tenancy'];

async function checkGateway() {
  const port = Number(process.env.PORT || 3000);
  const host = process.env.EASY_ACCESS_HOST || 'localhost';
  const status = await new Promise((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port, path: '/health/live', headers: { host }, timeout: TIMEOUT_MS });
    request.on('response', (response) => {
      response.resume();
      resolve(response.statusCode);
    });
    request.on('timeout', () => request.destroy(new Error('timed out')));
    request.on('error', reject);
  });
  if (status !== 200) throw new Error(`GET /health/live answered ${status}`);
}

async function checkService(service) {
  const prefix = process.env.NATS_SUBJECT_PREFIX || '';
  const pattern = `${service}.health.check`;
  const subject = prefix ? `${prefix}.${pattern}` : pattern;
  const codec = JSONCodec();
  const nats = await connect({ servers: process.env.NATS_URL || 'nats://127.0.0.1:4222', timeout: TIMEOUT_MS });
  try {
    const reply = await nats
      .request(subject, codec.encode({ pattern, data: {}, id: randomUUID() }), { timeout: TIMEOUT_MS })
      .catch((error) => {
        throw new Error(`no ${service} process answers on ${subject} (${error.code || error.message})`);
      });
    const { err } = codec.decode(reply.data);
    if (err !== undefined && err !== null) throw new Error(`${pattern} answered an error: ${JSON.stringify(err)}`);
  } finally {
    await nats.close();
  }
}

async function main() {
  const app = process.argv[2];
  if (app === 'gateway') return checkGateway();
  if (SERVICES.includes(app)) return checkService(app);
  throw new Error(`usage: node docker/healthcheck.js <gateway|${SERVICES.join('|')}>`);
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(`unhealthy: ${error.message}\n`);
    process.exit(1);
  },
);
