import type { Constructor } from '@mikro-orm/core';
import { Migration, Migrator } from '@mikro-orm/migrations';
import { defineConfig, EntityClass } from '@mikro-orm/postgresql';
import { BOUNDED_POSTGRES_WAITS } from './bounded-waits';

export interface ServiceOrm {
  /** The one schema the service owns; its role sees no other. */
  schema: string;
  entities: EntityClass<unknown>[];
  /** Oldest first; each is recorded under its class name, as it always was. */
  migrations: Constructor<Migration>[];
}

/** MikroORM as every service runs it: its schema, its migrations listed in code, and the bounded waits. */
export function serviceOrmConfig(orm: ServiceOrm, databaseUrl: string) {
  return defineConfig({
    clientUrl: databaseUrl,
    schema: orm.schema,
    entities: orm.entities,
    extensions: [Migrator],
    migrations: {
      tableName: 'mikro_orm_migrations',
      silent: true,
      migrationsList: orm.migrations.map((migration) => ({ name: migration.name, class: migration })),
    },
    ...BOUNDED_POSTGRES_WAITS,
    // Not at init, where one slow first connection fails the start: the service connects patiently (connectPatiently).
    connect: false,
  });
}
