import { migrateUnderLock } from '@app/platform/service';
import { MikroORM, Options } from '@mikro-orm/postgresql';
import { DynamicModule, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createDatabase, dropDatabase } from './databases';
import { databaseUrl, infrastructure } from './infrastructure';
import { Isolation, isolationOf, newRunId } from './run-isolation';

/** The real servers' addresses and this context's own database, key and subject prefixes. */
export interface ServiceEnvironment extends Isolation {
  databaseUrl: string;
  natsUrl: string;
  redisUrl: string;
}

export interface ServiceContext {
  app: INestApplicationContext;
  environment: ServiceEnvironment;
  close(): Promise<void>;
}

export interface ServiceUnderTest {
  /** Also the label of its isolated database. */
  name: string;
  /** The schema it owns, migrated as at boot, before the module starts (its outbox relay polls at once). */
  database?: { schema: string; ormConfig(databaseUrl: string): Options };
  module(environment: ServiceEnvironment): DynamicModule;
}

/**
 * One service's module in this process, on the real Postgres (its own fresh
 * database, migrated as at boot), Redis and NATS: its use cases are called
 * directly, without the gateway or the other three processes.
 */
export async function startService(service: ServiceUnderTest): Promise<ServiceContext> {
  const isolation = isolationOf(newRunId(), service.name);
  const environment = {
    ...isolation,
    databaseUrl: databaseUrl(isolation.database),
    natsUrl: infrastructure.natsUrl,
    redisUrl: infrastructure.redisUrl,
  };
  if (service.database) await createDatabase(isolation.database);
  if (service.database) await migrate(environment.databaseUrl, service.database);
  const app = await NestFactory.createApplicationContext(service.module(environment), { logger: ['error'] });
  return {
    app,
    environment,
    async close() {
      await app.close();
      if (service.database) await dropDatabase(isolation.database);
    },
  };
}

async function migrate(url: string, database: NonNullable<ServiceUnderTest['database']>): Promise<void> {
  const orm = await MikroORM.init(database.ormConfig(url));
  try {
    await migrateUnderLock(orm, database.schema);
  } finally {
    await orm.close();
  }
}
