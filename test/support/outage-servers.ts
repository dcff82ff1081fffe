import { ChildProcess, spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './run-isolation';

export const READY_TIMEOUT_MS = 20_000;

/**
 * A Redis, NATS or Postgres of the spec's own, on a free port, that the spec
 * may stop and start again: the machine's shared servers are never touched.
 * Data survives a stop, as it would in production: Redis with its append-only
 * file, NATS with its store directory, Postgres with its data directory.
 */
export interface OwnServer {
  readonly name: 'redis' | 'nats' | 'postgres';
  readonly url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  dispose(): Promise<void>;
}

/** A server that runs as a child of the test process. */
class ChildServer implements OwnServer {
  private child?: ChildProcess;

  constructor(
    readonly name: 'redis' | 'nats',
    readonly url: string,
    private readonly port: number,
    private readonly dir: string,
    private readonly command: string,
    private readonly args: string[],
  ) {}

  async start(): Promise<void> {
    const log = openSync(join(this.dir, `${this.name}.log`), 'a');
    try {
      const child = spawn(this.command, this.args, { stdio: ['ignore', log, log] });
      this.child = child;
      // A crashed Jest must not leave servers behind.
      process.once('exit', () => child.kill('SIGKILL'));
    } finally {
      closeSync(log);
    }
    await untilPortAnswers(this.port, () => this.child?.exitCode === null);
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    await exited;
  }

  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export async function startOwnRedis(): Promise<OwnServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'portal-outage-redis-'));
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--save', ''];
  const server = new ChildServer('redis', `redis://127.0.0.1:${port}`, port, dir, 'redis-server', args);
  await server.start();
  return server;
}

export async function startOwnNats(): Promise<OwnServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'portal-outage-nats-'));
  const args = ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', join(dir, 'store')];
  const server = new ChildServer('nats', `nats://127.0.0.1:${port}`, port, dir, '/usr/sbin/nats-server', args);
  await server.start();
  return server;
}

async function untilPortAnswers(port: number, alive: () => boolean): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (!(await answers(port))) {
    if (!alive()) throw new Error(`The server on port ${port} exited before it listened.`);
    if (Date.now() > deadline) throw new Error(`Nothing listened on port ${port} within ${READY_TIMEOUT_MS} ms.`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
