import { knex } from '@mikro-orm/postgresql';
import { queryDatabase } from '../support/databases';
import { infrastructure } from '../support/infrastructure';
import { activeMember, askedForHelp, browserOn, Company, createCompany, credentialsOf, memberWithTotp, signedInClient } from '../support/factories';
import { OwnStack, startOwnStack } from '../support/own-stack';
import { PgBouncer } from '../support/pgbouncer';
import { codeForStep, stepAtLeast } from '../support/totp';

/**
 * The services behind PgBouncer in transaction mode, set up as
 * docs/operations.md says: every DATABASE_URL points at the pooler, which
 * ignores the services' statement_timeout startup parameter, and the timeout
 * is set server-side instead (here on the run's database; on each service's
 * role in production). Migrations run through it at boot, and again when a
 * service restarts, and every flow's transactions go through it.
 */
describe('Behind PgBouncer in transaction mode', () => {
  let bouncer: PgBouncer;
  let own: OwnStack;
  let database: string;
  let firm: Company;

  beforeAll(async () => {
    bouncer = await PgBouncer.start();
    own = await startOwnStack('pgbouncer', {
      beforeStart: async (settings) => {
        database = new URL(settings.databaseUrl).pathname.slice(1);
        await queryDatabase(infrastructure.postgresAdminUrl, `alter database "${database}" set statement_timeout = '1s'`);
      },
      extraEnv: (settings) => ({ DATABASE_URL: bouncer.urlOf(settings.databaseUrl) }),
    });
    firm = await createCompany({ name: 'Leroy Comptables' }, own.gateway);
  }, 120_000);

  afterAll(async () => {
    await own?.dispose();
    await bouncer?.dispose();
  });

  test("the services' schemas were migrated through the pooler, which now serves their transactions", async () => {
    const schemas = await queryDatabase<{ nspname: string }>(own.settings.databaseUrl, "select nspname from pg_namespace where nspname in ('identity', 'mfa', 'tenancy') order by 1");
    expect(schemas.map((row) => row.nspname)).toEqual(['identity', 'mfa', 'tenancy']);

    const pool = await bouncer.console<{ database: string; pool_mode: string }>('SHOW POOLS', database);
    expect(pool?.pool_mode).toBe('transaction');
    const stats = await bouncer.console<{ database: string; total_xact_count: string }>('SHOW STATS', database);
    expect(Number(stats?.total_xact_count)).toBeGreaterThan(0);
  });

  test('a client is invited, activates, turns 2FA on and signs in with a code; the admin turns it off', async () => {
    const claire = await memberWithTotp(firm);
    const browser = browserOn(firm.host, own.gateway);
    expect((await browser.post('/api/auth/login', credentialsOf(claire))).body.next).toBe('totp');
    const code = codeForStep(claire.secret, await stepAtLeast(claire.enrolledInStep + 1));
    expect((await browser.post('/api/auth/totp', { code })).body).toMatchObject({ next: 'done' });
    expect((await browser.get('/api/me')).body.user.totpEnabled).toBe(true);

    const admin = await signedInClient(firm, await activeMember(firm, { role: 'admin' }));
    await askedForHelp(firm, claire);
    expect((await admin.post(`/api/admin/users/${claire.userId}/mfa/disable`, { reason: 'Identité vérifiée' })).status).toBe(204);

    expect((await (await signedInClient(firm, claire)).get('/api/me')).body.user.totpEnabled).toBe(false);
    const audit = await queryDatabase<{ action: string }>(own.settings.databaseUrl, 'select action from tenancy.audit_entries where target_user_id = ?', [claire.userId]);
    expect(audit).toEqual([{ action: 'mfa.disabled' }]);
  }, 60_000);

  test('a restarted service migrates again through the pooler (the advisory lock held by a transaction) and serves', async () => {
    await own.stack.stop('tenancy', 'SIGTERM');
    await own.stack.start('tenancy');

    const member = await activeMember(firm);
    expect((await (await signedInClient(firm, member)).get('/api/me')).status).toBe(200);
  }, 60_000);

  test("the server-side timeout bounds a statement sent through the pooler, as it bounds the services' own", async () => {
    const db = knex({ client: 'pg', connection: bouncer.urlOf(own.settings.databaseUrl), pool: { min: 0, max: 1 } });
    try {
      expect((await db.raw<{ rows: { statement_timeout: string }[] }>('show statement_timeout')).rows).toEqual([{ statement_timeout: '1s' }]);
      await expect(db.raw('select pg_sleep(3)')).rejects.toThrow(/statement timeout/);
    } finally {
      await db.destroy();
    }
  });
});
