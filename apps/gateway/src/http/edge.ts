import { DomainError, ErrorCode } from '@app/common';
import { INestApplication } from '@nestjs/common';
import { json, NextFunction, Request, Response } from 'express';
import { PortalResolver } from '../portal/portal-resolver.service';
import { portalMiddleware } from '../portal/portal.middleware';
import { csrfMiddleware } from './csrf.middleware';
import { HttpErrorFilter } from './http-error.filter';
import { requestIdMiddleware } from './request-id.middleware';

function hasBody(request: Request): boolean {
  const length = request.headers['content-length'];
  return (length !== undefined && length !== '0') || request.headers['transfer-encoding'] !== undefined;
}

function bodyParserError(error: { type?: string }, maxBytes: number): DomainError | null {
  switch (error.type) {
    case undefined:
      return null;
    case 'entity.too.large':
      return new DomainError(ErrorCode.PayloadTooLarge, `The body is larger than ${maxBytes} bytes.`);
    case 'entity.parse.failed':
      return new DomainError(ErrorCode.InvalidJson, 'The body is not valid JSON.');
    default:
      return new DomainError(ErrorCode.ValidationFailed, 'The body could not be read.');
  }
}

/**
 * What every request meets before routing: the host resolved to a portal
 * (404 `unknown_portal`), the cross-site check (403 `csrf_rejected`), then JSON only: another Content-Type gets 415,
 * malformed JSON 400, an oversized body 413; all in the API's error shape.
 */
export function installEdge(app: INestApplication, maxBytes: number, trustProxy: boolean): void {
  const filter = new HttpErrorFilter();
  app.use(requestIdMiddleware(trustProxy));
  app.use(portalMiddleware(app.get(PortalResolver)));
  app.use(csrfMiddleware);
  app.use((request: Request, _response: Response, next: NextFunction) => {
    if (hasBody(request) && !request.is('application/json')) {
      return next(new DomainError(ErrorCode.UnsupportedMediaType, 'Send the body as application/json.'));
    }
    next();
  });
  app.use(json({ limit: maxBytes, type: 'application/json', strict: true }));
  app.use((error: unknown, request: Request, response: Response, _next: NextFunction) => {
    const domainError = error instanceof DomainError ? error : bodyParserError(error as { type?: string }, maxBytes);
    const host = { switchToHttp: () => ({ getResponse: () => response, getRequest: () => request }) };
    filter.catch(domainError ?? error, host as never);
  });
}
