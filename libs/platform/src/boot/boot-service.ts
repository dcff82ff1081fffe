import { MikroORM } from '@mikro-orm/postgresql';
import { DynamicModule, INestApplicationContext, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type Redis from 'ioredis';
import { NatsConnection } from 'nats';
import { readConfigOrExit } from '../config/load-config';
import { connectPatiently } from '../database/connect-patiently';
import { migrateUnderLock } from '../database/migrate-under-lock';
import { watchConnections } from '../observability/connection-gauges';
import { createLogger, nestLoggerOf } from '../observability/logger';
import { startMetrics } from '../observability/metrics';
import { serveMetrics } from '../observability/metrics-server';
import { ObservabilityModule } from '../observability/observability.module';
import { startTracing } from '../observability/tracing';
import { drainingNatsStrategy } from '../resilience/draining-nats.server';
import { stopGracefullyOnSignals } from '../resilience/graceful-shutdown';
import { NATS_CONNECTION } from '../transport/rpc-client.module';
import { RpcErrorFilter } from '../transport/rpc-error.filter';

export interface ServiceBaseConfig {
  NATS_URL: string;
  NATS_SUBJECT_PREFIX: string;
  LOG_LEVEL: string;
  /** Unset: no metrics server. */
  METRICS_PORT?: number;
  /** Unset: the metrics port answers 404. */
  METRICS_TOKEN?: string;
  /** Unset: no tracing. */
  OTEL_EXPORTER_OTLP_ENDPOINT?: string;
}

export interface ServiceSpec<C extends ServiceBaseConfig> {
  /** Also the NATS queue group, so that replicas of the service split the load. */
  name: string;
  /** The Postgres schema the service owns and migrates. */
  schema: string;
  readConfig: () => C;
  module: (config: C) => DynamicModule;
  /** The service's Redis client, if it has one, whose state its metrics report. */
  redis?: (app: INestApplicationContext) => Redis;
}

/** Starts a service: migrates its schema, then serves its patterns over NATS (and its metrics, when asked). */
export async function bootService<C extends ServiceBaseConfig>(spec: ServiceSpec<C>): Promise<void> {
  const config = readConfigOrExit(spec.name, spec.readConfig);
  await startTracing(spec.name, config.OTEL_EXPORTER_OTLP_ENDPOINT);
  startMetrics(spec.name);
  const server = drainingNatsStrategy({ url: config.NATS_URL, namespace: config.NATS_SUBJECT_PREFIX, queue: spec.name });
  const root = spec.module(config);
  const app = await NestFactory.createMicroservice(
    { ...root, imports: [...(root.imports ?? []), ObservabilityModule] },
    { strategy: server, logger: nestLoggerOf(createLogger(spec.name, config.LOG_LEVEL)) },
  );
  await connectPatiently(app.get(MikroORM), new Logger(spec.name));
  await migrateUnderLock(app.get(MikroORM), spec.schema);
  app.useGlobalFilters(new RpcErrorFilter());
  stopGracefullyOnSignals(app, spec.name);
  await app.listen();
  if (config.METRICS_PORT !== undefined) {
    const nats = { server: server.unwrap<NatsConnection>(), client: app.get<NatsConnection>(NATS_CONNECTION) };
    watchConnections({ nats, orm: app.get(MikroORM), redis: spec.redis?.(app) });
    await serveMetrics(config.METRICS_PORT, config.METRICS_TOKEN);
  }
  new Logger(spec.name).log(`serving on ${config.NATS_URL} in queue group "${spec.name}"`);
}
