'use strict';
const os = require('node:os');
const { Worker, isMainThread, parentPort, workerData } = require('node:worker_threads');
const { Algorithm, verify, verifySync } = require('@node-rs/argon2');

/** The product's parameters (apps/identity/src/credentials/hash-parameters.ts): OWASP's argon2id baseline. */
const ARGON2_OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 };

/** The most sign-ins per second that hashing allows: one worker per core, each verifying back to back for `seconds`. */
async function measureHashCeiling({ password, storedHash, seconds }) {
  const cores = os.availableParallelism();
  const startedAt = process.hrtime.bigint();
  const counts = await Promise.all(
    Array.from({ length: cores }, () => {
      const worker = new Worker(__filename, { workerData: { storedHash, password, seconds } });
      return new Promise((resolve, reject) => worker.once('message', resolve).once('error', reject));
    }),
  );
  const elapsed = Number(process.hrtime.bigint() - startedAt) / 1e9;
  const total = counts.reduce((sum, count) => sum + count, 0);
  return { verifiesPerSecond: Math.round((total / elapsed) * 10) / 10, workers: cores, seconds: Math.round(elapsed * 100) / 100 };
}

/**
 * One verification alone, the least a password sign-in can take: the median
 * time of `samples`, and the CPU time (user + system, all threads) of one, on average.
 */
async function measureSingleVerify({ password, storedHash, samples = 40 }) {
  const times = [];
  let cpuMicros = 0;
  for (let index = 0; index < samples + 5; index += 1) {
    const started = process.hrtime.bigint();
    const cpuBefore = process.cpuUsage();
    await verify(storedHash, password);
    const cpu = process.cpuUsage(cpuBefore);
    if (index < 5) continue;
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    cpuMicros += cpu.user + cpu.system;
  }
  times.sort((a, b) => a - b);
  return { ms: Math.round(times[Math.floor(times.length / 2)] * 100) / 100, cpuMs: Math.round(cpuMicros / samples / 10) / 100, samples };
}

if (!isMainThread) {
  const { storedHash, password, seconds } = workerData;
  const deadline = Date.now() + seconds * 1000;
  let count = 0;
  while (Date.now() < deadline) {
    if (!verifySync(storedHash, password)) throw new Error('the bench hash does not verify');
    count += 1;
  }
  parentPort.postMessage(count);
}

module.exports = { measureHashCeiling, measureSingleVerify, ARGON2_OPTIONS };
