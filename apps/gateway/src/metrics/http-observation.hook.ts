import { IncomingMessage } from 'node:http';
import { httpRequests, httpRequestSeconds, isTracing, startSpan } from '@app/platform';
import { context, Context, propagation, ROOT_CONTEXT, Span, SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import type { Logger } from 'pino';
import { Counter, Histogram } from 'prom-client';
import { countSignIn } from './sign-in-outcomes';

const CLIENT_CLOSED_REQUEST = 499;
const spans = new WeakMap<FastifyRequest, Context>();

/**
 * The route pattern that matched (`/api/me/sessions/:id`), never the raw URL:
 * ids would make a series per user, and reset tokens and OAuth codes travel in
 * paths and query strings. The web portal's pages and unknown paths are `unmatched`.
 */
function routeOf(request: FastifyRequest): string {
  const pattern = request.routeOptions.url;
  return pattern === undefined || pattern.startsWith('/*') ? 'unmatched' : pattern;
}

/** Prometheus children by method, route and status: labels are hashed once, not per request. */
const seriesOf = new Map<string, { count: Counter.Internal; time: Histogram.Internal<string> }>();

function record(method: string, route: string, status: number, seconds: number): void {
  const key = `${method} ${route} ${status}`;
  let series = seriesOf.get(key);
  if (!series) {
    const labels = { method, route, status };
    series = { count: httpRequests.labels(labels), time: httpRequestSeconds.labels(labels) };
    seriesOf.set(key, series);
  }
  series.count.inc();
  series.time.observe(seconds);
}

/**
 * Meets every request first: answers its id in X-Request-Id, counts and times
 * it by route and status, counts sign-in outcomes, logs one line per request
 * (no URL, no body; when the level is info or finer) and traces it as a server
 * span (when an exporter is set). A trace context sent by a client is followed
 * only behind a trusted proxy, as the request id is.
 */
export function observeHttp(trustsPeer: (request: IncomingMessage) => boolean, requestLines: Logger | null) {
  return (request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void => {
    const started = performance.now();
    const span = isTracing() ? startRequestSpan(request, trustsPeer(request.raw)) : undefined;
    reply.header('X-Request-Id', request.id);
    // `close` rather than Fastify's onResponse: a client that gave up still counts, as nginx's 499.
    reply.raw.once('close', () => {
      const { method } = request;
      const route = routeOf(request);
      const status = reply.raw.writableFinished ? reply.statusCode : CLIENT_CLOSED_REQUEST;
      const seconds = (performance.now() - started) / 1000;
      record(method, route, status, seconds);
      countSignIn(method, route, status, request.body);
      if (span) endSpan(span, method, route, status, request.id);
      if (!requestLines) return;
      const durationMs = Number((seconds * 1000).toFixed(1));
      requestLines.info({ requestId: request.id, method, route, status, durationMs }, `${method} ${route} ${status} in ${durationMs} ms`);
    });
    done();
  };
}

function startRequestSpan(request: FastifyRequest, fromTrustedProxy: boolean): Span {
  const parent = fromTrustedProxy ? propagation.extract(ROOT_CONTEXT, request.headers) : ROOT_CONTEXT;
  const { span, spanContext } = startSpan(request.method, SpanKind.SERVER, parent);
  spans.set(request, spanContext);
  return span;
}

/** Runs the route's handler inside the request's span, so that its NATS requests are child spans. */
export function withinRequestSpan(request: FastifyRequest, work: () => void): void {
  const spanContext = spans.get(request);
  if (spanContext) context.with(spanContext, work);
  else work();
}

function endSpan(span: Span, method: string, route: string, status: number, requestId: string): void {
  span.updateName(`${method} ${route}`);
  span.setAttributes({ 'http.request.method': method, 'http.route': route, 'http.response.status_code': status, 'portal.request_id': requestId });
  if (status >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
  span.end();
}
