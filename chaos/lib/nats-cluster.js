'use strict';
const path = require('node:path');
const { freePort } = require('../../bench/lib/processes');
const { stoppedIfNot, supervised, waitFor, workDir } = require('./servers');

const NODES = 3;
const monitor = async (port, what) => (await fetch(`http://127.0.0.1:${port}/${what}`)).json();

/** Three nats-server processes with JetStream, routed to one another as one cluster. */
async function startNatsCluster(root, onExit) {
  const nodes = [];
  for (let index = 0; index < NODES; index++) nodes.push({ client: await freePort(), route: await freePort(), http: await freePort() });
  const routes = nodes.map((node) => `nats://127.0.0.1:${node.route}`).join(',');
  const servers = nodes.map((node, index) => {
    const dir = workDir(root, `nats-${index}`);
    const args = ['-a', '127.0.0.1', '-p', String(node.client), '-m', String(node.http), '-js', '-sd', dir, '-n', `chaos-${index}`,
      '--cluster_name', 'chaos', '--cluster', `nats://127.0.0.1:${node.route}`, '--routes', routes];
    return Object.assign(supervised(`nats-${index}`, '/usr/sbin/nats-server', args, { env: process.env, logFile: path.join(dir, 'log'), onExit }).start(), node);
  });
  await stoppedIfNot(servers, () =>
    waitFor('nats cluster routes and JetStream leader', async () => describeFormed(servers).then((formed) => formed.routesPerNode === NODES - 1 && formed.metaLeader !== null)),
  );
  return {
    nodes: servers,
    urls: servers.map((node) => `nats://127.0.0.1:${node.client}`).join(','),
    formed: () => describeFormed(servers),
    stop: () => Promise.all(servers.map((node) => node.stop())),
  };
}

async function describeFormed(servers) {
  const live = servers.filter((node) => node.running);
  const routes = await Promise.all(live.map((node) => monitor(node.http, 'routez')));
  const jsz = await monitor(live[0].http, 'jsz');
  return {
    nodes: live.length,
    routesPerNode: Math.min(...routes.map((routez) => new Set(routez.routes.map((route) => route.remote_id)).size)),
    metaLeader: jsz.meta_cluster?.leader ?? null,
    metaClusterSize: jsz.meta_cluster?.cluster_size ?? null,
  };
}

module.exports = { startNatsCluster };
