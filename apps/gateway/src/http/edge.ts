import { STATUS_CODES } from 'node:http';
import { Socket } from 'node:net';
import { finished } from 'node:stream/promises';
import { DomainError, ErrorCode } from '@app/contracts';
import { createRequestLogger, requestContext } from '@app/platform';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { GatewayConfig } from '../config';
import { declaredBodyLimit } from './body-limit.decorator';
import { statusOfError } from './error-status';
import { frenchMessageOf } from './french-messages';
import { observeHttp, withinRequestSpan } from '../metrics/http-observation.hook';
import { PortalResolver } from '../portal/portal-resolver.service';
import { portalHook } from '../portal/portal.hook';
import { csrfHook } from './csrf.hook';
import { requestIdOf } from './request-id';
import { trustsPeerOf } from './trusted-proxies';

/** How often Node looks for requests past their time (its default is 30 s): a request is cut within this after its time. */
const TIMEOUT_CHECKS_AT_MOST_MS = 5_000;

/**
 * The HTTP server: Fastify, as Express's router costs more than the session
 * check behind it. Fastify turns Node's limit on receiving a request off: a
 * client sending its body a byte a minute held a connection and a handler
 * for as long as it liked. REQUEST_TIMEOUT_SECONDS puts one back.
 */
export function gatewayHttpAdapter(config: GatewayConfig): FastifyAdapter {
  const requestTimeout = config.REQUEST_TIMEOUT_SECONDS * 1000;
  return new FastifyAdapter({
    requestTimeout,
    // Given to Node as the server is made: Fastify's own option alone, which it sets on the server after, was not enforced
    // by Node 20 here (a server made with Node's default of 300 s, then set to 2 s, cut no slow body in 8 s; made with it, in 2.5 s).
    http: { requestTimeout, connectionsCheckingInterval: Math.min(requestTimeout, TIMEOUT_CHECKS_AT_MOST_MS) },
    trustProxy: config.TRUST_PROXY,
    bodyLimit: config.MAX_BODY_BYTES,
    genReqId: requestIdOf(trustsPeerOf(config.TRUST_PROXY)),
    // A stopping gateway still answers the requests that reach it (with Connection: close): see stopGracefullyOnSignals.
    return503OnClosing: false,
    routerOptions: { ignoreTrailingSlash: true },
    clientErrorHandler: refuseUnreadRequest(config.REQUEST_TIMEOUT_SECONDS),
  });
}

/**
 * What Node could not read as a request (too slow, not HTTP, a head past 16
 * KiB) is answered before any route, hook or filter: in the API's error
 * shape like every other refusal, not Fastify's own, then the connection is
 * closed. The head was not read, so the message is in French, the API's
 * language for a request that asks for neither.
 */
function refuseUnreadRequest(timeoutSeconds: number) {
  return (error: Error & { code?: string }, socket: Socket): void => {
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    const timedOut = error.code === 'ERR_HTTP_REQUEST_TIMEOUT';
    const code = timedOut ? ErrorCode.RequestTimeout : error.code === 'HPE_HEADER_OVERFLOW' ? ErrorCode.HeadersTooLarge : ErrorCode.MalformedRequest;
    const status = statusOfError[code];
    const message = frenchMessageOf(new DomainError(code, error.message));
    const body = JSON.stringify({ error: code, message: timedOut ? `${message} (${timeoutSeconds} s)` : message });
    if (socket.writable) {
      socket.write(
        `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\n` +
          `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
    }
    socket.destroy();
  };
}

function hasBody(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  return (length !== undefined && length !== '0') || request.headers['transfer-encoding'] !== undefined;
}

/** Any method, GET included: a body the API cannot read is refused rather than ignored. */
function jsonOnly(request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction): void {
  if (hasBody(request) && request.headers['content-type']?.split(';')[0].trim().toLowerCase() !== 'application/json') {
    return done(new DomainError(ErrorCode.UnsupportedMediaType, 'Send the body as application/json.'));
  }
  done();
}

/** A refused body larger than this is not read to its end: the connection closes instead. */
const DRAINED_AT_MOST_BYTES = 8 * 1024 * 1024;

/** How long a connection closing under a client still sending is read on, what comes dropped. */
const LINGER_MS = 2_000;

/**
 * Fastify refuses a body over the limit from its Content-Length, before
 * reading it: a client still sending it would meet a closed socket (EPIPE)
 * rather than the 413. A body of reasonable size is read and dropped, and the
 * 413 sent once it is read: sent earlier, the connection may close under the
 * client's last writes. A larger one, or one of no declared length (chunked),
 * which may have no end, is not read to its end: the connection closes in
 * stages with the 413.
 */
function drainRefusedBody(request: FastifyRequest, reply: FastifyReply, error: { code?: string }, done: () => void): void {
  if (error.code !== 'FST_ERR_CTP_BODY_TOO_LARGE') return done();
  if (!(Number(request.headers['content-length']) <= DRAINED_AT_MOST_BYTES)) {
    void reply.header('Connection', 'close');
    closeInStages(request.raw.socket);
    return done();
  }
  request.raw.resume();
  finished(request.raw).then(
    () => done(),
    () => done(),
  );
}

/**
 * A socket closed with bytes still unread is reset by the kernel, and a
 * client still sending meets the reset (EPIPE) before it reads the 413, as a
 * browser uploading too large a file would. So the connection closes in
 * stages (RFC 9112 §9.6): Node sends the answer and the gateway's end as it
 * does for `Connection: close`, then, instead of closing at once, the
 * gateway reads on (Node's parser drops the refused body) until the client
 * closes its side or LINGER_MS pass.
 */
function closeInStages(socket: Socket): void {
  if (closingInStages.has(socket)) return;
  closingInStages.add(socket);
  let closing: NodeJS.Timeout | undefined;
  // Node calls it once per answer marked last: the first one schedules the close.
  socket.destroySoon = () => {
    if (closing) return;
    socket.end();
    closing = setTimeout(() => socket.destroy(), LINGER_MS).unref();
    socket.once('close', () => clearTimeout(closing));
  };
}

/** The connections closing in stages: what comes on them is read to be dropped, never run. */
const closingInStages = new WeakSet<Socket>();

/**
 * Node parses on while the gateway reads what follows a refused body, and
 * would run a request sent behind it; none is run after a `Connection:
 * close` answer (RFC 9112 §9.6): the connection ends at once instead.
 */
function dropOnClosing(request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction): void {
  if (!closingInStages.has(request.raw.socket)) return done();
  reply.hijack();
  request.raw.socket.destroy();
}

/** Deeper than any body of the API (a passkey's answer is 3 levels): what goes past it is an attack on recursive readers. */
const MAX_JSON_DEPTH = 32;
/** In a `u` regex, a surrogate that pairs is part of one code point: only a lone one is a Cs code point. */
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * An empty body reads as none, as a client sending only the Content-Type
 * header means. Bodies must be I-JSON (RFC 7493): no string holding a lone
 * surrogate, which Postgres refuses (a 500 after identity had written the
 * user) and no mail can carry; and no nesting past MAX_JSON_DEPTH, which
 * overflowed the idempotency key's fingerprint (a 500).
 */
function parseJson(_request: FastifyRequest, body: string, done: (error: Error | null, body?: unknown) => void): void {
  if (body === '') return done(null, undefined);
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return done(new DomainError(ErrorCode.InvalidJson, 'The body is not valid JSON.'));
  }
  if (!isIJson(parsed, 0)) {
    return done(new DomainError(ErrorCode.InvalidJson, `The body is not I-JSON: a string holds a lone UTF-16 surrogate, or it nests deeper than ${MAX_JSON_DEPTH} levels.`));
  }
  done(null, parsed);
}

function isIJson(value: unknown, depth: number): boolean {
  if (typeof value === 'string') return !LONE_SURROGATE.test(value);
  if (typeof value !== 'object' || value === null) return true;
  if (depth === MAX_JSON_DEPTH) return false;
  if (Array.isArray(value)) return value.every((item) => isIJson(item, depth + 1));
  return Object.entries(value).every(([key, item]) => !LONE_SURROGATE.test(key) && isIJson(item, depth + 1));
}

/**
 * What every request meets before routing: it is counted, timed and traced;
 * the host is resolved to a portal (404 `unknown_portal`); the cross-site
 * check (403 `csrf_rejected`); then JSON only: another Content-Type gets 415,
 * malformed JSON 400, an oversized body 413 (MAX_BODY_BYTES; a logo's
 * routes take one logo); all in the API's error shape.
 * The handler then runs in the scope of the request (its id goes into NATS headers).
 */
export function installEdge(app: NestFastifyApplication, config: GatewayConfig): void {
  const fastify = app.getHttpAdapter().getInstance();
  fastify.decorateRequest('secureCookies', config.COOKIE_SECURE);
  const requestLines = ['info', 'debug', 'verbose'].includes(config.LOG_LEVEL) ? createRequestLogger('gateway', config.LOG_LEVEL) : null;
  fastify.addHook('onRequest', dropOnClosing);
  fastify.addHook('onRequest', observeHttp(trustsPeerOf(config.TRUST_PROXY), requestLines));
  fastify.addHook('onRequest', portalHook(app.get(PortalResolver)));
  fastify.addHook('onRequest', csrfHook);
  fastify.addHook('onRequest', jsonOnly);
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, parseJson);
  fastify.addHook('onError', drainRefusedBody);
  fastify.addHook('onRoute', (route) => {
    const declared = declaredBodyLimit(route);
    if (declared !== undefined) route.bodyLimit = Math.max(declared, config.MAX_BODY_BYTES);
  });
  fastify.addHook('preHandler', (request, _reply, done) =>
    withinRequestSpan(request, () => requestContext.run({ requestId: request.id }, done)),
  );
}
