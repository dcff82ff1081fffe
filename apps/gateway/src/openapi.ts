import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { documentErrorBodies } from './http/error-body';
import { SESSION_COOKIE } from './session/session-cookie';

/**
 * The contract front ends code against, built from the routes' declarations
 * (request bodies and answers as zod schemas): served at /docs and /docs-json,
 * and written at build time for the portal's generated types.
 */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Client portal sign-in')
      .setDescription(
        [
          'The gateway of the client portal sign-in. The company is resolved from the Host header;',
          'an unknown host, or a Host that is not a plain name with a numeric port, answers 404 `unknown_portal`.',
          'Every error is `{ error, message }`; `message` is in French or English after Accept-Language',
          '(French when it asks for neither), and the codes are the same in both.',
          'A state-changing request whose `Origin` names another site answers 403 `csrf_rejected`',
          '(sign-in routes included). Bodies are JSON only: 415 otherwise, 400 `invalid_json`, 413 when too large.',
          'A service that does not answer in time gives 503 `unavailable` with Retry-After.',
          'On any route, and then the connection closes: 408 `request_timeout` for a request not received whole within REQUEST_TIMEOUT_SECONDS,',
          '431 `headers_too_large` for a head past 16 KiB, 400 `malformed_request` for what is not HTTP (these three in French: the head was not read).',
        ].join(' '),
      )
      .setVersion('1')
      .addCookieAuth(SESSION_COOKIE)
      .addBearerAuth()
      .build(),
  );
  documentErrorBodies(document);
  return document;
}

export function installOpenApi(app: INestApplication): void {
  SwaggerModule.setup('docs', app, openApiDocument(app), { jsonDocumentUrl: 'docs-json' });
}
