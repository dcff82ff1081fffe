'use strict';
const path = require('node:path');
const { randomBytes } = require('node:crypto');
const { measure } = require('../lib/load');
const { freePort, ipcCall, startNode } = require('../lib/processes');

/**
 * The floor server in its own process, with `count` sessions in Redis, under the same load as GET /api/me;
 * `cpu.meter` learns its pid as `floor`.
 */
async function measureFloor({ redisUrl, keyPrefix, count, connections, cpu, log, onCrash }) {
  const port = await freePort();
  const env = { PATH: process.env.PATH, NODE_ENV: 'production', REDIS_URL: redisUrl, KEY_PREFIX: keyPrefix };
  const server = startNode('floor', path.join(__dirname, '../lib/floor-server.js'), { env, ipc: true, log, onUnexpectedExit: onCrash });
  try {
    await ipcCall(server.child, 'listen', { port });
    cpu?.meter.track('floor', server.child.pid);
    const sessions = Array.from({ length: count }, (_, index) => ({
      token: randomBytes(32).toString('base64url'),
      value: JSON.stringify({ userId: `user-${index}`, stage: 'done' }),
    }));
    await ipcCall(server.child, 'seed', { sessions });
    let next = 0;
    return await measure({
      port,
      connections,
      cpu,
      request: () => ({ path: '/', headers: { host: 'floor.bench.test', cookie: `portal_session=${sessions[next++ % count].token}` } }),
    });
  } finally {
    await server.stop();
  }
}

module.exports = { measureFloor };
