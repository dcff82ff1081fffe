import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { OwnServer, READY_TIMEOUT_MS } from './outage-servers';
import { freePort } from './run-isolation';

const run = promisify(execFile);

/**
 * A throwaway Postgres cluster (initdb, pg_ctl), with trust authentication.
 * Postgres refuses to run as root, so as root it runs as the `postgres` user.
 */
class OwnPostgres implements OwnServer {
  readonly name = 'postgres';

  private constructor(
    private readonly bin: string,
    private readonly dir: string,
    private readonly port: number,
  ) {}

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  static async create(): Promise<OwnPostgres> {
    const versions = readdirSync('/usr/lib/postgresql').sort((a, b) => Number(b) - Number(a));
    const dir = mkdtempSync(join(tmpdir(), 'portal-outage-postgres-'));
    const server = new OwnPostgres(join('/usr/lib/postgresql', versions[0], 'bin'), dir, await freePort());
    mkdirSync(server.dataDir);
    if (asRoot()) await run('chown', ['-R', 'postgres:postgres', dir]);
    await server.pg('initdb', ['-D', server.dataDir, '-U', 'postgres', '-A', 'trust', '--no-sync']);
    // pg_ctl detaches Postgres from Jest: a crashed run must still stop it.
    process.once('exit', () => server.stopNow());
    return server;
  }

  private get dataDir(): string {
    return join(this.dir, 'data');
  }

  async start(): Promise<void> {
    const options = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
    await this.pg('pg_ctl', ['-D', this.dataDir, '-o', options, '-l', join(this.dir, 'postgres.log'), '-w', 'start']);
  }

  /** `fast`: sessions are cut (57P01) and the data is checkpointed, as `systemctl stop` or `docker stop` do. */
  async stop(): Promise<void> {
    await this.pg('pg_ctl', ['-D', this.dataDir, '-m', 'fast', '-w', 'stop']).catch(() => undefined);
  }

  async dispose(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }

  private stopNow(): void {
    const [command, args] = this.command('pg_ctl', ['-D', this.dataDir, '-m', 'immediate', 'stop']);
    try {
      execFileSync(command, args, { stdio: 'ignore' });
    } catch {
      // Already stopped.
    }
  }

  private async pg(tool: string, args: string[]): Promise<void> {
    const [command, allArgs] = this.command(tool, args);
    await run(command, allArgs, { timeout: READY_TIMEOUT_MS });
  }

  private command(tool: string, args: string[]): [string, string[]] {
    const path = join(this.bin, tool);
    return asRoot() ? ['runuser', ['-u', 'postgres', '--', path, ...args]] : [path, args];
  }
}

export async function startOwnPostgres(): Promise<OwnServer> {
  const server = await OwnPostgres.create();
  await server.start();
  return server;
}

function asRoot(): boolean {
  return process.getuid?.() === 0;
}
