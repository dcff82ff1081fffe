'use strict';
const path = require('node:path');
const { randomBytes } = require('node:crypto');
const { call, expectStatus, mapLimit } = require('../lib/http-call');
const { measure } = require('../lib/load');
const { freePort, ipcCall, startNode } = require('../lib/processes');
const { codeForStep, stepAt } = require('../lib/totp');

const SETUP_CONCURRENCY = 4;
const peerEmail = (index) => `peer${index}@bench.test`;

/** better-auth in its own process and database, migrated, seeded and listening. */
async function startPeer({ databaseUrl, users, totpUsers, storedHash, log, onCrash }) {
  const port = await freePort();
  const env = { PATH: process.env.PATH, NODE_ENV: 'production', PORT: String(port), DATABASE_URL: databaseUrl, BETTER_AUTH_SECRET: randomBytes(32).toString('base64url') };
  const server = startNode('peer', path.join(__dirname, '../peer/better-auth-server.mjs'), { env, ipc: true, log, onUnexpectedExit: onCrash });
  await ipcCall(server.child, 'migrate');
  const people = Array.from({ length: users }, (_, index) => ({ email: peerEmail(index), name: `Peer user ${index}` }));
  const totpPeople = Array.from({ length: totpUsers }, (_, offset) => ({
    email: peerEmail(users + offset),
    name: `Peer user ${users + offset}`,
    totpSecret: randomBytes(24).toString('base64url').slice(0, 32),
  }));
  await ipcCall(server.child, 'seed', { users: [...people, ...totpPeople], storedHash });
  await ipcCall(server.child, 'listen');
  const host = `127.0.0.1:${port}`;
  return {
    port,
    pid: server.child.pid,
    host,
    origin: `http://${host}`,
    plainIndexes: people.map((_, index) => index),
    totpPeople: totpPeople.map((person, offset) => ({ index: users + offset, key: Buffer.from(person.totpSecret, 'utf8') })),
    stop: async () => {
      await ipcCall(server.child, 'close').catch(() => {});
      await server.stop();
    },
  };
}

const cookieHeader = (cookies) =>
  Object.entries(cookies)
    .filter(([, value]) => value)
    .map(([name, value]) => `${name}=${value}`)
    .join('; ');

/** Its email sign-in as a browser sends it (better-auth refuses cookie-bearing POSTs without Origin). */
const signInRequest = (peer, index, password) => ({
  method: 'POST',
  path: '/api/auth/sign-in/email',
  headers: { host: peer.host, origin: peer.origin },
  body: { email: peerEmail(index), password },
});

async function peerSignIn(peer, index, password) {
  const { path: urlPath, headers, body } = signInRequest(peer, index, password);
  const answer = await expectStatus(200, call(peer.port, 'POST', peer.host, urlPath, { body, headers }), `peer sign-in ${index}`);
  return { cookie: cookieHeader(answer.cookies), json: answer.json };
}

function peerSessions(peer, indexes, password) {
  return mapLimit(indexes, SETUP_CONCURRENCY, (index) => peerSignIn(peer, index, password));
}

/** Its getSession (GET /api/auth/get-session), cookie cache off: the counterpart of GET /api/me. */
function measureGetSession(peer, sessions, { connections, cpu }) {
  let next = 0;
  return measure({
    port: peer.port,
    connections,
    cpu,
    request: () => ({ path: '/api/auth/get-session', headers: { host: peer.host, cookie: sessions[next++ % sessions.length].cookie } }),
  });
}

function measurePeerSignIn(peer, indexes, password, options) {
  let next = 0;
  return measure({ port: peer.port, ...options, request: () => signInRequest(peer, indexes[next++ % indexes.length], password) });
}

/** Sign-ins of 2FA users, each stopped at its two-factor cookie. */
function pendingPeerTotp(peer, password) {
  return mapLimit(peer.totpPeople, SETUP_CONCURRENCY, async ({ index, key }) => {
    const { cookie, json } = await peerSignIn(peer, index, password);
    if (!json?.twoFactorRedirect) throw new Error(`peer sign-in ${index} did not ask for a second factor`);
    return { cookie, key };
  });
}

/** Its /api/auth/two-factor/verify-totp, each request finishing one pending sign-in. */
function measurePeerTotp(peer, pending, { connections, warmupAmount, cpu }) {
  let next = 0;
  return measure({
    port: peer.port,
    connections,
    cpu,
    warmup: 0,
    warmupAmount,
    amount: pending.length - warmupAmount - connections * 2,
    request: () => {
      const sign = pending[next++];
      if (!sign) return null;
      return {
        method: 'POST',
        path: '/api/auth/two-factor/verify-totp',
        headers: { host: peer.host, origin: peer.origin, cookie: sign.cookie },
        body: { code: codeForStep(sign.key, stepAt(Date.now())) },
      };
    },
  });
}

module.exports = { startPeer, peerSessions, measureGetSession, measurePeerSignIn, pendingPeerTotp, measurePeerTotp };
