/**
 * The peer: better-auth on the same Postgres (its own database), its Postgres
 * adapter over a pg Pool, its twoFactor plugin, and the product's argon2id
 * parameters as its password hasher, served by node:http through its handler.
 * Forked by the bench; seeded and started over IPC.
 */
import http from 'node:http';
import { createRequire } from 'node:module';
import pg from 'pg';
import { betterAuth } from 'better-auth';
import { twoFactor } from 'better-auth/plugins';
import { toNodeHandler } from 'better-auth/node';
import { getMigrations } from 'better-auth/db/migration';
import { symmetricEncrypt } from 'better-auth/crypto';
import { hash, verify } from '@node-rs/argon2';

const require = createRequire(import.meta.url);
const { serveIpc } = require('../lib/processes.js');
const { ARGON2_OPTIONS } = require('../lib/hash-ceiling.js');

const port = Number(process.env.PORT);
const options = {
  appName: 'Bench peer',
  baseURL: `http://127.0.0.1:${port}`,
  secret: process.env.BETTER_AUTH_SECRET,
  database: new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 }),
  emailAndPassword: {
    enabled: true,
    password: {
      hash: (password) => hash(password, ARGON2_OPTIONS),
      verify: ({ hash: storedHash, password }) => verify(storedHash, password),
    },
  },
  // Every getSession reads the store, as the product's GET /api/me reads Redis.
  session: { cookieCache: { enabled: false } },
  // Its limiter would refuse the bench's load from one address; the product's limits are raised as well.
  rateLimit: { enabled: false },
  plugins: [twoFactor({ issuer: 'Bench peer' })],
  advanced: { useSecureCookies: false },
  telemetry: { enabled: false },
  logger: { level: 'error' },
};
const auth = betterAuth(options);
const handler = toNodeHandler(auth);
const server = http.createServer((request, response) => {
  handler(request, response).catch((error) => {
    process.stderr.write(`${error.stack}\n`);
    if (!response.headersSent) response.writeHead(500).end();
  });
});

serveIpc({
  async migrate() {
    const { runMigrations } = await getMigrations(options);
    await runMigrations();
    return {};
  },
  async listen() {
    await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
    return { port };
  },
  /**
   * Users straight through its own adapter (its sign-up would spend a hash on
   * each); 2FA rows the way its enable endpoint writes them, already verified.
   */
  async seed({ users, storedHash }) {
    const context = await auth.$context;
    const backupCodes = await symmetricEncrypt({ key: context.secretConfig, data: JSON.stringify(['bench-unused']) });
    for (let start = 0; start < users.length; start += 20) {
      await Promise.all(
        users.slice(start, start + 20).map(async ({ email, name, totpSecret }) => {
          const user = await context.internalAdapter.createUser({ email, name, emailVerified: true });
          await context.internalAdapter.linkAccount({ userId: user.id, providerId: 'credential', accountId: user.id, password: storedHash });
          if (!totpSecret) return;
          const secret = await symmetricEncrypt({ key: context.secretConfig, data: totpSecret });
          await context.adapter.create({ model: 'twoFactor', data: { secret, backupCodes, userId: user.id, verified: true } });
          await context.internalAdapter.updateUser(user.id, { twoFactorEnabled: true });
        }),
      );
    }
    return { count: users.length };
  },
  async close() {
    await new Promise((resolve) => server.close(resolve));
    await options.database.end();
    return {};
  },
});
