import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { queryDatabase } from './databases';
import { infrastructure } from './infrastructure';
import { freePort } from './run-isolation';

const READY_TIMEOUT_MS = 20_000;

/**
 * Debian's PgBouncer in transaction mode on a loopback port, in front of the
 * local Postgres, configured as docs/operations.md tells an operator: the
 * services' `statement_timeout` startup parameter ignored (the timeout is set
 * server-side instead), a small pool. It refuses to run as root: then it runs
 * as postgres.
 */
export class PgBouncer {
  private constructor(
    readonly port: number,
    private readonly dir: string,
    private readonly child: ChildProcess,
  ) {}

  static async start(poolSize = 4): Promise<PgBouncer> {
    const dir = mkdtempSync(join(tmpdir(), 'portal-pgbouncer-'));
    const port = await freePort();
    const upstream = new URL(infrastructure.postgresAdminUrl);
    const user = upstream.username || 'postgres';
    writeFileSync(join(dir, 'users.txt'), `"${user}" ""\n`);
    writeFileSync(
      join(dir, 'pgbouncer.ini'),
      [
        '[databases]',
        `* = host=${upstream.hostname} port=${upstream.port || 5432}`,
        '[pgbouncer]',
        'listen_addr = 127.0.0.1',
        `listen_port = ${port}`,
        'unix_socket_dir =',
        'auth_type = trust',
        `auth_file = ${join(dir, 'users.txt')}`,
        `admin_users = ${user}`,
        'pool_mode = transaction',
        `default_pool_size = ${poolSize}`,
        'ignore_startup_parameters = extra_float_digits,options,statement_timeout',
        '',
      ].join('\n'),
    );
    const asRoot = process.getuid?.() === 0;
    if (asRoot) execFileSync('chown', ['-R', 'postgres', dir]);
    const log = openSync(join(dir, 'log'), 'a');
    let child: ChildProcess;
    try {
      child = spawn('/usr/sbin/pgbouncer', [...(asRoot ? ['-u', 'postgres'] : []), join(dir, 'pgbouncer.ini')], { stdio: ['ignore', log, log] });
    } finally {
      closeSync(log);
    }
    // A crashed Jest must not leave it behind.
    process.once('exit', () => child.kill('SIGKILL'));
    const bouncer = new PgBouncer(port, dir, child);
    await bouncer.untilAnswering();
    return bouncer;
  }

  /** `url` (a database of the local Postgres) through the pooler. */
  urlOf(url: string): string {
    const through = new URL(url);
    through.hostname = '127.0.0.1';
    through.port = String(this.port);
    return through.toString();
  }

  /** A row of the admin console's SHOW POOLS / SHOW STATS, for the database. */
  async console<Row extends { database: string }>(command: 'SHOW POOLS' | 'SHOW STATS', database: string): Promise<Row | undefined> {
    const url = new URL(this.urlOf(infrastructure.postgresAdminUrl));
    url.pathname = '/pgbouncer';
    // The admin console answers its own commands only (knex would first ask for the server's version).
    const client = new Client({ connectionString: url.toString() });
    await client.connect();
    try {
      return (await client.query<Row>(command)).rows.find((row) => row.database === database);
    } finally {
      await client.end();
    }
  }

  async dispose(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      const exited = new Promise((done) => this.child.once('exit', done));
      this.child.kill('SIGTERM');
      await exited;
    }
    rmSync(this.dir, { recursive: true, force: true });
  }

  private async untilAnswering(): Promise<void> {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    for (;;) {
      const answered = await queryDatabase(this.urlOf(infrastructure.postgresAdminUrl), 'select 1').then(
        () => true,
        () => false,
      );
      if (answered) return;
      if (Date.now() > deadline || this.child.exitCode !== null) throw new Error(`pgbouncer did not answer on ${this.port} (log in ${this.dir})`);
      await sleep(100);
    }
  }
}
