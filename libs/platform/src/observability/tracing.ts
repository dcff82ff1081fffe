import { trace } from '@opentelemetry/api';

interface StartedTracing {
  shutdown(): Promise<void>;
}

let started: StartedTracing | undefined;

/**
 * Sends spans to an OTLP/HTTP collector. The SDK and the exporter are imported
 * here, and only when an endpoint is configured: otherwise the spans the code
 * opens are the API's no-ops and cost next to nothing.
 */
export async function startTracing(service: string, endpoint: string | undefined): Promise<void> {
  if (!endpoint || started) return;
  const [{ BatchSpanProcessor, NodeTracerProvider }, { OTLPTraceExporter }, { resourceFromAttributes }, { ATTR_SERVICE_NAME }] =
    await Promise.all([
      import('@opentelemetry/sdk-trace-node'),
      import('@opentelemetry/exporter-trace-otlp-http'),
      import('@opentelemetry/resources'),
      import('@opentelemetry/semantic-conventions'),
    ]);
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: service }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: `${endpoint.replace(/\/+$/, '')}/v1/traces` }))],
  });
  // Registers W3C trace context as the propagator and an AsyncLocalStorage context manager.
  provider.register();
  started = provider;
}

/** Whether spans go anywhere: without an exporter, the hot path need not make them. */
export function isTracing(): boolean {
  return started !== undefined;
}

/** Sends the spans still buffered: called at shutdown. */
export async function stopTracing(): Promise<void> {
  await started?.shutdown();
  started = undefined;
}

/** For log lines, so that a line leads to its trace. */
export function currentTraceIds(): { traceId?: string; spanId?: string } {
  const span = started && trace.getActiveSpan();
  if (!span) return {};
  const { traceId, spanId } = span.spanContext();
  return { traceId, spanId };
}
