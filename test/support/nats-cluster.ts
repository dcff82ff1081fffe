import { ChildProcess, spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { connect } from 'nats';
import { freePort } from './run-isolation';

const READY_TIMEOUT_MS = 30_000;

/**
 * Three nats-server processes (Debian's `/usr/sbin/nats-server`) on free
 * loopback ports, joined by cluster routes, with clustered JetStream: a spec
 * may kill one. Their store directories are removed with them.
 */
export class NatsCluster {
  private readonly children: ChildProcess[] = [];

  private constructor(
    private readonly dir: string,
    private readonly clientPorts: number[],
  ) {}

  static async start(): Promise<NatsCluster> {
    const clientPorts = [await freePort(), await freePort(), await freePort()];
    const routePorts = [await freePort(), await freePort(), await freePort()];
    const cluster = new NatsCluster(mkdtempSync(join(tmpdir(), 'portal-nats-cluster-')), clientPorts);
    const routes = routePorts.map((port) => `nats://127.0.0.1:${port}`).join(',');
    clientPorts.forEach((port, node) => cluster.spawn(node, port, routePorts[node], routes));
    try {
      await cluster.untilJetStreamAnswers();
    } catch (error) {
      await cluster.dispose();
      throw error;
    }
    return cluster;
  }

  /** What NATS_URL is set to: every node. */
  get url(): string {
    return this.clientPorts.map((port) => `nats://127.0.0.1:${port}`).join(',');
  }

  async kill(node: number): Promise<void> {
    const child = this.children[node];
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGKILL');
    await exited;
  }

  async dispose(): Promise<void> {
    await Promise.all(this.children.map((_child, node) => this.kill(node)));
    rmSync(this.dir, { recursive: true, force: true });
  }

  private spawn(node: number, clientPort: number, routePort: number, routes: string): void {
    const args = ['-a', '127.0.0.1', '-p', String(clientPort), '-n', `node-${node}`, '-js', '-sd', join(this.dir, `store-${node}`)];
    args.push('--cluster_name', 'portal-test', '--cluster', `nats://127.0.0.1:${routePort}`, '--routes', routes);
    const log = openSync(join(this.dir, `node-${node}.log`), 'a');
    try {
      const child = spawn('/usr/sbin/nats-server', args, { stdio: ['ignore', log, log] });
      // A crashed Jest must not leave servers behind.
      process.once('exit', () => child.kill('SIGKILL'));
      this.children.push(child);
    } finally {
      closeSync(log);
    }
  }

  /** Until the cluster elected its JetStream leader: before that, no stream can be made. */
  private async untilJetStreamAnswers(): Promise<void> {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    for (;;) {
      try {
        const nats = await connect({ servers: this.url.split(','), timeout: 1000 });
        try {
          await (await nats.jetstreamManager({ timeout: 1000 })).getAccountInfo();
          return;
        } finally {
          await nats.close();
        }
      } catch (error) {
        if (Date.now() > deadline) throw new Error(`The NATS cluster had no JetStream within ${READY_TIMEOUT_MS} ms: ${(error as Error).message}`);
        await sleep(250);
      }
    }
  }
}

/** The replicas of a stream and whether it has a leader, as the cluster reports them. */
export async function streamReplicas(url: string, stream: string): Promise<{ replicas: number; leader: boolean }> {
  const nats = await connect({ servers: url.split(','), timeout: 2000 });
  try {
    const info = await (await nats.jetstreamManager({ timeout: 5000 })).streams.info(stream);
    return { replicas: info.config.num_replicas, leader: Boolean(info.cluster?.leader) };
  } finally {
    await nats.close();
  }
}
