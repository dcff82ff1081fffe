import {
  createLogger,
  NATS_CONNECTION,
  nestLoggerOf,
  readConfigOrExit,
  REDIS,
  startMetrics,
  startTracing,
  stopGracefullyOnSignals,
  watchConnections,
} from '@app/platform';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { readGatewayConfig } from './config';
import { GatewayModule } from './gateway.module';
import { gatewayHttpAdapter, installEdge } from './http/edge';
import { HttpErrorFilter } from './http/http-error.filter';
import { installPortalWeb } from './http/portal-web';
import { installOpenApi } from './openapi';

async function main(): Promise<void> {
  const config = readConfigOrExit('gateway', readGatewayConfig);
  await startTracing('gateway', config.OTEL_EXPORTER_OTLP_ENDPOINT);
  startMetrics('gateway');
  const app = await NestFactory.create<NestFastifyApplication>(GatewayModule.forConfig(config), gatewayHttpAdapter(config), {
    // The edge installs its own JSON parser: empty bodies, and the API's error codes.
    bodyParser: false,
    logger: nestLoggerOf(createLogger('gateway', config.LOG_LEVEL)),
  });
  installEdge(app, config);
  await installPortalWeb(app);
  app.useGlobalFilters(new HttpErrorFilter());
  installOpenApi(app);
  stopGracefullyOnSignals(app, 'gateway', app.getHttpServer());
  watchConnections({ nats: { client: app.get(NATS_CONNECTION) }, redis: app.get(REDIS) });
  await listenOnEveryAddress(app, config.PORT);
}

/** As node:http does by default, which Fastify does not: IPv6 and IPv4, or IPv4 alone where IPv6 is off. */
async function listenOnEveryAddress(app: NestFastifyApplication, port: number): Promise<void> {
  try {
    await app.listen(port, '::');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EAFNOSUPPORT') throw error;
    await app.listen(port, '0.0.0.0');
  }
}

void main();
