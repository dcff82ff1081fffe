import { MikroORM } from '@mikro-orm/postgresql';
import { DynamicModule, Logger, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigError } from '../config/load-config';
import { migrateUnderLock } from '../database/migrate-under-lock';
import { natsServerStrategy } from '../transport/namespaced-nats.server';
import { MessageLogInterceptor } from '../transport/message-log.interceptor';
import { RpcErrorFilter } from '../transport/rpc-error.filter';

export interface ServiceBaseConfig {
  NATS_URL: string;
  NATS_SUBJECT_PREFIX: string;
  LOG_LEVEL: string;
}

export interface ServiceSpec<C extends ServiceBaseConfig> {
  /** Also the NATS queue group, so that replicas of the service split the load. */
  name: string;
  /** The Postgres schema the service owns and migrates. */
  schema: string;
  readConfig: () => C;
  module: (config: C) => DynamicModule;
}

const levelsFrom: Record<string, LogLevel[]> = {
  fatal: ['fatal'],
  error: ['fatal', 'error'],
  warn: ['fatal', 'error', 'warn'],
  info: ['fatal', 'error', 'warn', 'log'],
  debug: ['fatal', 'error', 'warn', 'log', 'debug'],
  verbose: ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'],
};

export function logLevels(level: string): LogLevel[] {
  return levelsFrom[level] ?? levelsFrom.info;
}

/**
 * Reads the configuration or exits with every problem listed.
 * Exits rather than throws: a service with bad configuration must not start.
 */
export function readConfigOrExit<C>(name: string, read: () => C): C {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${name} cannot start. ${error.message}\n`);
    process.exit(1);
  }
}

/** Starts a service: migrates its schema, then serves its patterns over NATS. */
export async function bootService<C extends ServiceBaseConfig>(spec: ServiceSpec<C>): Promise<void> {
  const config = readConfigOrExit(spec.name, spec.readConfig);
  const app = await NestFactory.createMicroservice(spec.module(config), {
    strategy: natsServerStrategy({ url: config.NATS_URL, namespace: config.NATS_SUBJECT_PREFIX, queue: spec.name }),
    logger: logLevels(config.LOG_LEVEL),
  });
  await migrateUnderLock(app.get(MikroORM), spec.schema);
  app.useGlobalFilters(new RpcErrorFilter());
  app.useGlobalInterceptors(new MessageLogInterceptor());
  app.enableShutdownHooks();
  await app.listen();
  new Logger(spec.name).log(`serving on ${config.NATS_URL} in queue group "${spec.name}"`);
}
