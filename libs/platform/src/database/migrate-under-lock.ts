import { MikroORM } from '@mikro-orm/postgresql';

/**
 * Runs pending migrations while holding a Postgres advisory lock, so that
 * replicas started together (`--scale`) migrate one after the other.
 */
export async function migrateUnderLock(orm: MikroORM, schema: string): Promise<void> {
  const knex = orm.em.getConnection().getKnex();
  await knex.transaction(async (trx) => {
    // A replica waits here for another's migrations: longer than the statement_timeout requests get.
    await trx.raw('set local statement_timeout = 0');
    await trx.raw('select pg_advisory_xact_lock(hashtext(?))', [`migrate:${schema}`]);
    await orm.getMigrator().up();
  });
}
