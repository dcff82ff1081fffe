import {
  createLogger,
  drainingNatsStrategy,
  NATS_CONNECTION,
  nestLoggerOf,
  readConfigOrExit,
  startMetrics,
  startTracing,
  stopGracefullyOnSignals,
  watchConnections,
} from '@app/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { readGatewayConfig } from './config';
import { GatewayModule } from './gateway.module';
import { installEdge } from './http/edge';
import { HttpErrorFilter } from './http/http-error.filter';
import { installPortalWeb } from './http/portal-web';
import { httpObservation } from './metrics/http-observation.middleware';
import { installOpenApi } from './openapi';
import { REDIS } from './redis.provider';

async function main(): Promise<void> {
  const config = readConfigOrExit('gateway', readGatewayConfig);
  await startTracing('gateway', config.OTEL_EXPORTER_OTLP_ENDPOINT);
  startMetrics('gateway');
  const app = await NestFactory.create<NestExpressApplication>(GatewayModule.forConfig(config), {
    bodyParser: false,
    logger: nestLoggerOf(createLogger('gateway', config.LOG_LEVEL)),
  });
  app.set('trust proxy', config.TRUST_PROXY);
  app.disable('x-powered-by');
  app.use(httpObservation(config.TRUST_PROXY));
  installEdge(app, config.MAX_BODY_BYTES, config.TRUST_PROXY);
  installPortalWeb(app);
  app.useGlobalFilters(new HttpErrorFilter());
  installOpenApi(app);
  // Service events (cache invalidation) reach one gateway process: the cache they drop is shared in Redis.
  app.connectMicroservice({
    strategy: drainingNatsStrategy({ url: config.NATS_URL, namespace: config.NATS_SUBJECT_PREFIX, queue: 'gateway' }),
  });
  stopGracefullyOnSignals(app, 'gateway', app.getHttpServer());
  watchConnections({ nats: { client: app.get(NATS_CONNECTION) }, redis: app.get(REDIS) });
  await app.startAllMicroservices();
  await app.listen(config.PORT);
}

void main();
