import { knex, Knex } from '@mikro-orm/postgresql';
import { infrastructure } from './infrastructure';
import { currentRun } from './run-context';

async function asAdmin(run: (db: Knex) => Promise<void>): Promise<void> {
  const db = knex({ client: 'pg', connection: infrastructure.postgresAdminUrl, pool: { min: 0, max: 1 } });
  try {
    await run(db);
  } finally {
    await db.destroy();
  }
}

export function createDatabase(name: string): Promise<void> {
  return asAdmin(async (db) => {
    await db.raw('create database ??', [name]);
  });
}

/**
 * One stack's database, by its exact name: labels may begin with another's
 * (`google`, `google-refusals`), and a stack stopping must not drop a
 * neighbour's while it runs.
 */
export function dropDatabase(name: string): Promise<void> {
  return asAdmin(async (db) => {
    await db.raw('drop database if exists ?? with (force)', [name]);
  });
}

/** Drops every database whose name starts with the prefix: the run's own, swept at its start and end (a crashed spec may have left its stack's). */
export function dropDatabases(prefix: string): Promise<void> {
  return asAdmin(async (db) => {
    const { rows } = await db.raw<{ rows: { datname: string }[] }>(
      'select datname from pg_database where starts_with(datname, ?)',
      [prefix],
    );
    for (const { datname } of rows) await db.raw('drop database if exists ?? with (force)', [datname]);
  });
}

/** Rows straight from the shared stack's database, for specs that check what a service stores. */
export function queryRunDatabase<Row>(sql: string, bindings: readonly Knex.RawBinding[] = []): Promise<Row[]> {
  return queryDatabase(currentRun().databaseUrl, sql, bindings);
}

/** Rows straight from a stack's database (a spec's own stack has its own). */
export async function queryDatabase<Row>(databaseUrl: string, sql: string, bindings: readonly Knex.RawBinding[] = []): Promise<Row[]> {
  const db = knex({ client: 'pg', connection: databaseUrl, pool: { min: 0, max: 1 } });
  try {
    return (await db.raw<{ rows: Row[] }>(sql, bindings)).rows;
  } finally {
    await db.destroy();
  }
}
