'use strict';
const path = require('node:path');
const { execFile } = require('node:child_process');
const { promisify } = require('node:util');
const { freePort } = require('../../bench/lib/processes');
const { fatal, lastLines, stoppedIfNot, supervised, waitFor, workDir } = require('./servers');

const run = promisify(execFile);
const NODES = 6;
const cli = (port, ...args) => run('redis-cli', ['-p', String(port), ...args]).then(({ stdout }) => stdout);

/**
 * Six redis-server processes on loopback joined by `redis-cli --cluster create`
 * as 3 masters with one replica each; a node timeout of 2 s, so that a killed
 * master is replaced within a few seconds. Each cluster bus gets a free port of
 * its own: Redis's default (the port plus 10,000) lies past 65,535 for a fifth
 * of the ephemeral range, or on a port another process holds, and the node exits.
 */
async function startRedisCluster(root, onExit) {
  const nodes = [];
  for (let index = 0; index < NODES; index++) {
    const [port, bus] = [await freePort(), await freePort()];
    const dir = workDir(root, `redis-${port}`);
    const args = ['--port', String(port), '--bind', '127.0.0.1', '--cluster-enabled', 'yes', '--cluster-config-file', 'nodes.conf',
      '--cluster-port', String(bus), '--cluster-node-timeout', '2000', '--appendonly', 'yes', '--save', '', '--dir', dir];
    const logFile = path.join(dir, 'log');
    nodes.push(Object.assign(supervised(`redis:${port}`, 'redis-server', args, { env: process.env, logFile, onExit, cwd: dir }).start(), { port, logFile }));
  }
  const ports = nodes.map((node) => node.port);
  await stoppedIfNot(nodes, async () => {
    await waitFor('redis nodes answer', async () => {
      const gone = nodes.find((node) => !node.running);
      if (gone) throw fatal(`${gone.label} exited: ${lastLines(gone.logFile)}`);
      return (await Promise.all(ports.map((port) => cli(port, 'ping')))).every((answer) => answer.trim() === 'PONG');
    });
    await run('redis-cli', ['--cluster', 'create', ...ports.map((port) => `127.0.0.1:${port}`), '--cluster-replicas', '1', '--cluster-yes']);
    await waitFor('redis cluster state ok', async () => (await Promise.all(ports.map((port) => cli(port, 'cluster', 'info')))).every((info) => info.includes('cluster_state:ok')));
  });
  return {
    nodes,
    seeds: ports.map((port) => `127.0.0.1:${port}`).join(','),
    masters: () => mastersOf(nodes),
    formed: () => describe(nodes),
    stop: () => Promise.all(nodes.map((node) => node.stop())),
  };
}

/** Asks the first running node that answers: one just restarted may not listen yet. */
async function ask(nodes, ...args) {
  let problem = new Error('no redis node running');
  for (const node of nodes.filter((candidate) => candidate.running)) {
    try {
      return await cli(node.port, ...args);
    } catch (error) {
      problem = error;
    }
  }
  throw problem;
}

async function mastersOf(nodes) {
  const table = await ask(nodes, 'cluster', 'nodes');
  const masterPorts = table.split('\n').filter((line) => /\bmaster\b/.test(line) && !/fail/.test(line) && line.split(' ')[8])
    .map((line) => Number(line.split(' ')[1].split(':')[1].split('@')[0]));
  return nodes.filter((node) => masterPorts.includes(node.port) && node.running);
}

async function describe(nodes) {
  const info = await ask(nodes, 'cluster', 'info');
  const field = (name) => info.match(new RegExp(`${name}:(\\S+)`))?.[1];
  return { state: field('cluster_state'), knownNodes: Number(field('cluster_known_nodes')), masters: (await mastersOf(nodes)).length };
}

/** Waits until every slot is served again, after a master was killed. */
const clusterHealed = (cluster) => waitFor('redis cluster state ok', async () => (await cluster.formed()).state === 'ok', 30_000);

module.exports = { startRedisCluster, clusterHealed };
