import { collectDefaultMetrics, Counter, Histogram, register } from 'prom-client';

/**
 * The process's metrics, in prom-client's default registry. Labels hold bounded
 * values only: route patterns (never a raw URL, which may carry ids or tokens),
 * message patterns, statuses and error codes.
 */
const httpLabels = ['method', 'route', 'status'] as const;
const natsLabels = ['pattern', 'outcome'] as const;

export const httpRequests = new Counter({
  name: 'portal_http_requests_total',
  help: 'HTTP requests answered, by route pattern ("unmatched" when no route took it) and status',
  labelNames: httpLabels,
});

export const httpRequestSeconds = new Histogram({
  name: 'portal_http_request_duration_seconds',
  help: 'Time to answer an HTTP request, by route pattern and status',
  labelNames: httpLabels,
});

export const natsMessagesHandled = new Counter({
  name: 'portal_nats_messages_handled_total',
  help: 'NATS messages this service handled, by pattern and outcome ("ok" or the error code answered)',
  labelNames: natsLabels,
});

export const natsMessageSeconds = new Histogram({
  name: 'portal_nats_message_duration_seconds',
  help: 'Time to handle a NATS message, by pattern and outcome',
  labelNames: natsLabels,
});

export const natsRequests = new Counter({
  name: 'portal_nats_requests_total',
  help: 'Requests this process sent to a service over NATS, by pattern and outcome ("ok" or the error code received)',
  labelNames: natsLabels,
});

export const natsRequestSeconds = new Histogram({
  name: 'portal_nats_request_duration_seconds',
  help: 'Time from sending a NATS request to its answer, retries included, by pattern and outcome',
  labelNames: natsLabels,
});

export const signInOutcomes = new Counter({
  name: 'portal_sign_in_outcomes_total',
  help: 'Sign-in checks by step (password, google, code) and outcome (success, wrong_password, wrong_code, replay_refused, lockout)',
  labelNames: ['step', 'outcome'] as const,
});

export const announcementsSent = new Counter({
  name: 'portal_announcements_sent_total',
  help: 'Announcements this service recorded and NATS stored, by pattern',
  labelNames: ['pattern'] as const,
});

export const announcementSendFailures = new Counter({
  name: 'portal_announcements_send_failures_total',
  help: 'Passes of the announcement relay that NATS (or Postgres) failed: the rows stay for the next pass',
});

export const announcementsReceived = new Counter({
  name: 'portal_announcements_received_total',
  help: 'Announcements this gateway received, by pattern and outcome (handled, retried: its handler failed, dropped: malformed, unknown: left for a newer gateway)',
  labelNames: ['pattern', 'outcome'] as const,
});

export const METRICS_CONTENT_TYPE = register.contentType;

/** Adds process metrics (CPU, memory, event loop lag, handles) and a `service` label on every series. Once per process. */
export function startMetrics(service: string): void {
  register.setDefaultLabels({ service });
  collectDefaultMetrics();
}

export function metricsText(): Promise<string> {
  return register.metrics();
}
