'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { freePort } = require('../../bench/lib/processes');
const { withClient } = require('../../bench/lib/database');
const { supervised, waitFor, workDir } = require('./servers');

/**
 * PgBouncer in transaction mode in front of the local Postgres, every database
 * passed through. PgBouncer refuses to run as root: then it runs as postgres.
 */
async function startPgBouncer(root, postgresUrl, onExit) {
  const dir = workDir(root, 'pgbouncer');
  const port = await freePort();
  const upstream = new URL(postgresUrl);
  fs.writeFileSync(path.join(dir, 'users.txt'), `"${upstream.username || 'postgres'}" ""\n`);
  fs.writeFileSync(path.join(dir, 'pgbouncer.ini'), [
    '[databases]',
    `* = host=${upstream.hostname} port=${upstream.port || 5432}`,
    '[pgbouncer]',
    `listen_addr = 127.0.0.1`,
    `listen_port = ${port}`,
    `unix_socket_dir =`,
    'auth_type = trust',
    `auth_file = ${path.join(dir, 'users.txt')}`,
    'pool_mode = transaction',
    'max_client_conn = 400',
    'default_pool_size = 20',
    'ignore_startup_parameters = extra_float_digits,options,statement_timeout',
    '',
  ].join('\n'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) execFileSync('chown', ['-R', 'postgres', dir]);
  const args = [...(asRoot ? ['-u', 'postgres'] : []), path.join(dir, 'pgbouncer.ini')];
  const server = supervised('pgbouncer', '/usr/sbin/pgbouncer', args, { env: process.env, logFile: path.join(dir, 'log'), onExit }).start();
  const urlOf = (database) => {
    const url = new URL(postgresUrl);
    url.port = String(port);
    url.pathname = `/${database}`;
    return url.toString();
  };
  await waitFor('pgbouncer answers', () => withClient(urlOf('postgres'), (client) => client.query('select 1')).then(() => true));
  return { port, urlOf, formed: async () => ({ port, poolMode: 'transaction' }), stop: () => server.stop() };
}

module.exports = { startPgBouncer };
