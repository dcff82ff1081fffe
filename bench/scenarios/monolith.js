'use strict';
const path = require('node:path');
const { randomBytes } = require('node:crypto');
const { call, expectStatus, mapLimit } = require('../lib/http-call');
const { measure } = require('../lib/load');
const { freePort, ipcCall, startNode } = require('../lib/processes');

const SETUP_CONCURRENCY = 4;
const emailOf = (index) => `mono${index}@bench.test`;
const hostOf = (index) => `mono${index}.bench.test`;

/** The Passport monolith in its own process and database, seeded with people 1..users, listening. */
async function startMonolith({ databaseUrl, redisUrl, keyPrefix, users, storedHash, log, onCrash }) {
  const port = await freePort();
  const env = {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    KEY_PREFIX: keyPrefix,
    SESSION_SECRET: randomBytes(32).toString('base64url'),
  };
  const server = startNode('monolith', path.join(__dirname, '../peer/passport-monolith.js'), { env, ipc: true, log, onUnexpectedExit: onCrash });
  await ipcCall(server.child, 'seed', { users, storedHash });
  await ipcCall(server.child, 'listen', { port });
  return {
    port,
    pid: server.child.pid,
    stop: async () => {
      await ipcCall(server.child, 'close').catch(() => {});
      await server.stop();
    },
  };
}

const signInRequest = (index, password) => ({
  method: 'POST',
  path: '/api/auth/login',
  headers: { host: hostOf(index), origin: `http://${hostOf(index)}` },
  body: { email: emailOf(index), password },
});

/** Signed-in sessions of `indexes`, one each. */
function monolithSessions(monolith, indexes, password) {
  return mapLimit(indexes, SETUP_CONCURRENCY, async (index) => {
    const { path: urlPath, headers, body } = signInRequest(index, password);
    const answer = await expectStatus(200, call(monolith.port, 'POST', hostOf(index), urlPath, { body, headers }), `monolith sign-in ${index}`);
    return { host: hostOf(index), cookie: `portal_session=${answer.cookies.portal_session}` };
  });
}

/** GET /api/me: the session from Redis, the user's view from Postgres. */
function measureMonolithMe(monolith, sessions, options) {
  let next = 0;
  return measure({
    port: monolith.port,
    ...options,
    request: () => {
      const session = sessions[next++ % sessions.length];
      return { path: '/api/me', headers: { host: session.host, cookie: session.cookie } };
    },
  });
}

function measureMonolithSignIn(monolith, indexes, password, options) {
  let next = 0;
  return measure({ port: monolith.port, ...options, request: () => signInRequest(indexes[next++ % indexes.length], password) });
}

module.exports = { startMonolith, monolithSessions, measureMonolithMe, measureMonolithSignIn };
