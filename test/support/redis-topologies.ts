import { ChildProcess, execFile, spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { freePort } from './run-isolation';

const run = promisify(execFile);
const READY_TIMEOUT_MS = 30_000;

/** A Redis server (or sentinel) of the spec's own on a loopback port, a child of the test process. */
export class RedisNode {
  private child?: ChildProcess;

  private constructor(
    readonly port: number,
    private readonly dir: string,
    private readonly command: string,
    private readonly config: string,
  ) {}

  static async start(command: 'redis-server' | 'redis-sentinel', dir: string, config: (port: number) => string): Promise<RedisNode> {
    const port = await freePort();
    const node = new RedisNode(port, dir, command, join(dir, `${command}-${port}.conf`));
    writeFileSync(node.config, `port ${port}\nbind 127.0.0.1\ndir ${dir}\n${config(port)}\n`);
    await node.start();
    return node;
  }

  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const log = openSync(join(this.dir, `${this.port}.log`), 'a');
    try {
      const child = spawn(this.command, [this.config], { stdio: ['ignore', log, log] });
      this.child = child;
      // A crashed Jest must not leave servers behind.
      process.once('exit', () => child.kill('SIGKILL'));
    } finally {
      closeSync(log);
    }
    await until(() => this.cli('PING').then((answer) => answer === 'PONG'), `${this.command} on ${this.port}`);
  }

  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGKILL');
    await exited;
  }

  /** Stops the process for good without closing its port: connections are accepted and never answered. */
  freeze(): void {
    this.child?.kill('SIGSTOP');
  }

  async cli(...args: string[]): Promise<string> {
    const { stdout } = await run('redis-cli', ['-h', '127.0.0.1', '-p', String(this.port), ...args]).catch(() => ({ stdout: '' }));
    return stdout.trim();
  }
}

export interface RedisTopology {
  nodes: RedisNode[];
  /** The variables that point every app at it. */
  env: Record<string, string>;
  dispose(): Promise<void>;
}

/** 3 masters and 3 replicas, from Debian's redis-server, each with its cluster bus on a free port. */
export async function startRedisCluster(): Promise<RedisTopology> {
  const dir = mkdtempSync(join(tmpdir(), 'portal-redis-cluster-'));
  const nodes: RedisNode[] = [];
  const dispose = async () => {
    await Promise.all(nodes.map((node) => node.kill()));
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    for (let index = 0; index < 6; index += 1) {
      const bus = await freePort();
      nodes.push(await RedisNode.start('redis-server', dir, (port) =>
        [`cluster-enabled yes`, `cluster-config-file nodes-${port}.conf`, `cluster-port ${bus}`, `cluster-node-timeout 2000`, `appendonly no`, `save ""`].join('\n'),
      ));
    }
    await run('redis-cli', ['--cluster', 'create', ...nodes.map((node) => node.address), '--cluster-replicas', '1', '--cluster-yes']);
    // Every node agrees on every slot and knows the five others before any app connects.
    const settled = (info: string) => ['cluster_state:ok', 'cluster_slots_ok:16384', 'cluster_known_nodes:6'].every((line) => info.includes(line));
    await until(async () => (await Promise.all(nodes.map((node) => node.cli('CLUSTER', 'INFO')))).every(settled), 'the cluster');
  } catch (error) {
    await dispose();
    throw error;
  }
  return { nodes, env: { REDIS_CLUSTER_NODES: nodes.slice(0, 3).map((node) => node.address).join(',') }, dispose };
}

export const SENTINEL_MASTER = 'portal';

export interface SentinelSet extends RedisTopology {
  master: RedisNode;
  replica: RedisNode;
  /**
   * Whether the replica has, within 5 s, everything the master had written when
   * asked. WAIT from another connection would not say: it waits only for that
   * connection's own writes, and a redis-cli has none.
   */
  replicated(): Promise<boolean>;
}

/** A master, its replica, and 3 sentinels that fail over after 1 s without the master. */
export async function startRedisSentinelSet(): Promise<SentinelSet> {
  const dir = mkdtempSync(join(tmpdir(), 'portal-redis-sentinel-'));
  const nodes: RedisNode[] = [];
  const dispose = async () => {
    await Promise.all(nodes.map((node) => node.kill()));
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    // Redis waits 5 s before a diskless first sync, in case more replicas come: this set has one.
    const master = await RedisNode.start('redis-server', dir, () => 'appendonly yes\nsave ""\nrepl-diskless-sync-delay 0');
    nodes.push(master);
    const replica = await RedisNode.start('redis-server', dir, () => `appendonly yes\nsave ""\nreplicaof 127.0.0.1 ${master.port}`);
    nodes.push(replica);
    // Online, not only connected: a replica stays in wait_bgsave until its first sync is done, with none of the writes till then.
    await until(async () => /slave0:.*state=online/.test(await master.cli('INFO', 'replication')), 'the replica');
    for (let index = 0; index < 3; index += 1) {
      nodes.push(await RedisNode.start('redis-sentinel', dir, () =>
        [`sentinel monitor ${SENTINEL_MASTER} 127.0.0.1 ${master.port} 2`, `sentinel down-after-milliseconds ${SENTINEL_MASTER} 1000`, `sentinel failover-timeout ${SENTINEL_MASTER} 5000`].join('\n'),
      ));
    }
    const sentinels = nodes.slice(2).map((node) => node.address).join(',');
    const replicated = async () => {
      const written = offsetOf(await master.cli('INFO', 'replication'), 'master_repl_offset');
      if (written < 0) return false;
      return until(async () => offsetOf(await replica.cli('INFO', 'replication'), 'slave_repl_offset') >= written, 'replication', 5000).then(
        () => true,
        () => false,
      );
    };
    return { nodes, master, replica, replicated, env: { REDIS_SENTINELS: sentinels, REDIS_SENTINEL_MASTER: SENTINEL_MASTER }, dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}

function offsetOf(info: string, field: string): number {
  return Number(new RegExp(`^${field}:(\\d+)`, 'm').exec(info)?.[1] ?? -1);
}

async function until(done: () => Promise<boolean>, what: string, timeoutMs = READY_TIMEOUT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`${what} was not ready within ${timeoutMs} ms.`);
    await sleep(200);
  }
}
