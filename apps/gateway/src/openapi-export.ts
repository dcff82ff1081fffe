import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { writeFileSync } from 'node:fs';
import { gatewayConfigSchema } from './config';
import { GatewayModule } from './gateway.module';
import { gatewayHttpAdapter } from './http/edge';
import { openApiDocument } from './openapi';

/**
 * Writes the OpenAPI document without serving it or connecting to anything
 * (Nest's preview mode builds no provider), so that the build can generate the
 * portal's types from the same document /docs-json serves. The settings only
 * have to pass validation: no route depends on them.
 */
async function main(file: string): Promise<void> {
  const config = gatewayConfigSchema.parse({ EASY_ACCESS_HOST: 'portal.localhost', OPERATOR_TOKEN: 'document-only-operator-token' });
  const app = await NestFactory.create<NestFastifyApplication>(GatewayModule.forConfig(config), gatewayHttpAdapter(config), {
    preview: true,
    logger: false,
    bodyParser: false,
  });
  writeFileSync(file, `${JSON.stringify(openApiDocument(app), null, 2)}\n`);
  await app.close();
}

void main(process.argv[2] ?? 'dist/openapi.json');
