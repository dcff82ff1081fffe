import { context, Context, propagation, ROOT_CONTEXT, Span, SpanKind, SpanStatusCode, TextMapGetter, trace } from '@opentelemetry/api';
import { MsgHdrs } from 'nats';
import { ErrorCode } from '@app/contracts';

/** A proxy: it starts producing real spans once tracing is started, and no-ops until then. */
const tracer = trace.getTracer('client-portal');

const natsHeaders: TextMapGetter<MsgHdrs> = {
  keys: (headers) => headers.keys(),
  get: (headers, key) => headers.get(key) || undefined,
};

/** Outcomes that are the system's fault rather than the caller's: they mark the span as failed. */
const FAILURES: readonly string[] = [ErrorCode.Internal, ErrorCode.Unavailable];

/** Writes the current trace context (`traceparent`) into the headers of a message about to leave. */
export function injectTraceContext(headers: MsgHdrs): void {
  propagation.inject(context.active(), headers, { set: (carrier, key, value) => carrier.set(key, value) });
}

/** The trace context a message arrived with, if any. */
export function traceContextOf(headers: MsgHdrs | undefined): Context {
  return headers ? propagation.extract(ROOT_CONTEXT, headers, natsHeaders) : ROOT_CONTEXT;
}

/** Starts a span, a child of `parent`, and the context that makes it current; the caller ends the span. */
export function startSpan(name: string, kind: SpanKind, parent: Context): { span: Span; spanContext: Context } {
  const span = tracer.startSpan(name, { kind }, parent);
  return { span, spanContext: trace.setSpan(parent, span) };
}

/** Runs `work` as the current span, a child of `parent`; the caller ends the span. */
export function inSpan<T>(name: string, kind: SpanKind, parent: Context, work: (span: Span) => T): T {
  const { span, spanContext } = startSpan(name, kind, parent);
  return context.with(spanContext, () => work(span));
}

/** Ends a span of a NATS exchange with its outcome: `ok` or an error code. */
export function endSpan(span: Span, outcome: string): void {
  span.setAttribute('portal.outcome', outcome);
  if (FAILURES.includes(outcome)) span.setStatus({ code: SpanStatusCode.ERROR });
  span.end();
}
