'use strict';
const { clusterHealed } = require('./redis-cluster');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const pickOne = (list) => list[Math.floor(Math.random() * list.length)];
/** Every few seconds: between these bounds, drawn afresh each time. */
const EVERY_MS = [3_000, 7_000];
/** A load balancer stops routing to a gateway this long before its SIGTERM (docs/operations.md's preStop). */
const PRE_STOP_MS = 1_000;

/**
 * Kills, at random, an app process (SIGKILL or SIGTERM, then starts it again),
 * a Redis master and a NATS node when those engines are clusters. Never both
 * gateways nor both replicas of a service at once: one fault at a time.
 */
function faultInjector({ apps, redisCluster, natsCluster }) {
  const injected = [];
  const kinds = ['app', 'app', ...(redisCluster ? ['redis master'] : []), ...(natsCluster ? ['nats node'] : [])];
  const faults = {
    async app() {
      const process = pickOne([...apps.gateways, ...apps.services].filter((candidate) => candidate.running));
      const signal = pickOne(['SIGKILL', 'SIGTERM']);
      const gateway = apps.gateways.includes(process) ? process : null;
      if (gateway && apps.gateways.filter((other) => other.up).length < 2) return null;
      const sibling = apps.services.find((other) => other !== process && other.label.split('-')[0] === process.label.split('-')[0]);
      if (!gateway && !sibling.running) return null;
      if (gateway) {
        gateway.up = false;
        if (signal === 'SIGKILL') gateway.epoch += 1;
        else await sleep(PRE_STOP_MS);
      }
      const started = Date.now();
      await process.kill(signal);
      await sleep(1_000 + Math.random() * 2_000);
      process.start();
      if (gateway) await apps.ready(gateway, 60_000);
      return { target: process.label, signal, downMs: Date.now() - started };
    },
    async 'redis master'() {
      const master = pickOne(await redisCluster.masters());
      const started = Date.now();
      await master.kill('SIGKILL');
      await clusterHealed(redisCluster);
      master.start();
      return { target: `redis master :${master.port}`, signal: 'SIGKILL', downMs: Date.now() - started };
    },
    async 'nats node'() {
      const node = pickOne(natsCluster.nodes.filter((candidate) => candidate.running));
      const signal = pickOne(['SIGKILL', 'SIGTERM']);
      const started = Date.now();
      await node.kill(signal);
      await sleep(2_000 + Math.random() * 2_000);
      node.start();
      return { target: node.label, signal, downMs: Date.now() - started };
    },
  };
  async function run(seconds) {
    const deadline = Date.now() + seconds * 1000;
    while (Date.now() + EVERY_MS[1] < deadline) {
      await sleep(EVERY_MS[0] + Math.random() * (EVERY_MS[1] - EVERY_MS[0]));
      const kind = pickOne(kinds);
      const fault = await faults[kind]().catch((error) => ({ target: kind, error: error.message }));
      if (fault) injected.push({ at: new Date().toISOString(), kind, ...fault });
    }
  }
  return { injected, run };
}

module.exports = { faultInjector };
