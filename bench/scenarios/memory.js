'use strict';
const { countSessions, sessionKeyBytes, usedMemory } = require('../lib/redis-memory');
const product = require('./product');

const CHUNK_SECONDS = 10;

/**
 * Redis memory per web session: INFO used_memory before and after `target`
 * sign-ins, divided by the sessions created meanwhile. `during` runs first,
 * inside the window, so the timed sign-in scenario counts towards the total;
 * more sign-ins follow until `target` or until `maxSeconds` have passed.
 */
async function measureSessionMemory({ redis, stack, nextPerson, password, connections, target, maxSeconds, during, log }) {
  const startedAt = Date.now();
  const secondsLeft = () => maxSeconds - (Date.now() - startedAt) / 1000;
  const before = await usedMemory(redis);
  const sessionsBefore = await countSessions(redis, stack.keyPrefix);
  await during();
  let created = (await countSessions(redis, stack.keyPrefix)) - sessionsBefore;
  let rate = null;
  while (created < target && secondsLeft() > 0) {
    const remaining = target - created;
    const chunk = rate && remaining / rate < CHUNK_SECONDS ? { amount: remaining } : { seconds: Math.min(CHUNK_SECONDS, Math.ceil(secondsLeft())) };
    rate = (await product.measureSignIn(stack, nextPerson, password, { connections, warmup: 0, ...chunk })).rps;
    created = (await countSessions(redis, stack.keyPrefix)) - sessionsBefore;
    log(`  ${created} sign-ins so far`);
  }
  const after = await usedMemory(redis);
  const kinds = await sessionKeyBytes(redis, stack.keyPrefix);
  const perSession = (bytes) => Math.round(bytes / kinds.sess.keys);
  return {
    signIns: created,
    target,
    usedMemoryDelta: after - before,
    bytesPerSession: (after - before) / created,
    keyBytesPerSession: perSession(Object.values(kinds).reduce((sum, kind) => sum + kind.bytes, 0)),
    keyBytesPerSessionByKind: Object.fromEntries(Object.entries(kinds).map(([kind, { keys, bytes }]) => [kind, { keys, bytesPerSession: perSession(bytes) }])),
  };
}

module.exports = { measureSessionMemory };
