import { logLevels, natsServerStrategy, readConfigOrExit } from '@app/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { readGatewayConfig } from './config';
import { GatewayModule } from './gateway.module';
import { installEdge } from './http/edge';
import { HttpErrorFilter } from './http/http-error.filter';
import { installPortalWeb } from './http/portal-web';
import { installOpenApi } from './openapi';

async function main(): Promise<void> {
  const config = readConfigOrExit('gateway', readGatewayConfig);
  const app = await NestFactory.create<NestExpressApplication>(GatewayModule.forConfig(config), {
    bodyParser: false,
    logger: logLevels(config.LOG_LEVEL),
  });
  app.set('trust proxy', config.TRUST_PROXY);
  app.disable('x-powered-by');
  installEdge(app, config.MAX_BODY_BYTES, config.TRUST_PROXY);
  installPortalWeb(app);
  app.useGlobalFilters(new HttpErrorFilter());
  installOpenApi(app);
  // Service events (cache invalidation) reach one gateway process: the cache they drop is shared in Redis.
  app.connectMicroservice({
    strategy: natsServerStrategy({ url: config.NATS_URL, namespace: config.NATS_SUBJECT_PREFIX, queue: 'gateway' }),
  });
  app.enableShutdownHooks();
  await app.startAllMicroservices();
  await app.listen(config.PORT);
}

void main();
