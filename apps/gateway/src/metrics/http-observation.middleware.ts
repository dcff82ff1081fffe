import { httpRequests, httpRequestSeconds, inSpan } from '@app/common';
import { Logger } from '@nestjs/common';
import { propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { NextFunction, Request, Response } from 'express';
import { countSignIn } from './sign-in-outcomes';

const CLIENT_CLOSED_REQUEST = 499;

/**
 * The route pattern Express matched (`/api/me/sessions/:id`), never the raw
 * URL: ids would make a series per user, and reset tokens and OAuth codes
 * travel in paths and query strings.
 */
function routeOf(request: Request): string {
  const pattern: unknown = request.route?.path;
  return typeof pattern === 'string' ? `${request.baseUrl}${pattern}` : 'unmatched';
}

/**
 * Meets every request first: counts and times it by route and status, counts
 * sign-in outcomes, logs one line per request (no URL, no body) and traces it
 * as a server span. A trace context sent by a client is followed only behind a
 * trusted proxy, as the request id is.
 */
export function httpObservation(trustProxy: boolean) {
  const logger = new Logger('http');
  return (request: Request, response: Response, next: NextFunction) => {
    const started = performance.now();
    const parent = trustProxy ? propagation.extract(ROOT_CONTEXT, request.headers) : ROOT_CONTEXT;
    inSpan(request.method, SpanKind.SERVER, parent, (span) => {
      // `close` rather than `finish`: a client that gave up still counts, as nginx's 499.
      response.once('close', () => {
        const { method } = request;
        const route = routeOf(request);
        const status = response.writableFinished ? response.statusCode : CLIENT_CLOSED_REQUEST;
        const seconds = (performance.now() - started) / 1000;
        httpRequests.inc({ method, route, status });
        httpRequestSeconds.observe({ method, route, status }, seconds);
        countSignIn(method, route, status, request.body);
        const requestId = response.getHeader('X-Request-Id');
        span.updateName(`${method} ${route}`);
        span.setAttributes({ 'http.request.method': method, 'http.route': route, 'http.response.status_code': status, 'portal.request_id': String(requestId) });
        if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
        const durationMs = Number((seconds * 1000).toFixed(1));
        logger.log({ msg: `${method} ${route} ${status} in ${durationMs} ms`, requestId, method, route, status, durationMs });
      });
      next();
    });
  };
}
