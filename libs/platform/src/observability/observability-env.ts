import { z } from 'zod';

/** An empty variable counts as unset, as compose files pass them. */
const unsetWhenEmpty = (value: unknown) => (value === '' ? undefined : value);

/** Services have no HTTP server of their own: Prometheus reaches them on this port. */
export const metricsEnv = z.object({
  /** Off when unset. 0 takes any free port, logged at boot: for several processes sharing one host. */
  METRICS_PORT: z.preprocess(unsetWhenEmpty, z.coerce.number().int().min(0).max(65535).optional()),
  /** The bearer token Prometheus sends; unset, /metrics answers 404 to everyone. */
  METRICS_TOKEN: z.preprocess(unsetWhenEmpty, z.string().min(16, 'must be at least 16 characters').optional()),
});

export const tracingEnv = z.object({
  /** An OTLP/HTTP collector, e.g. http://otel-collector:4318; without it no tracing SDK is loaded. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.preprocess(unsetWhenEmpty, z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).optional()),
});
