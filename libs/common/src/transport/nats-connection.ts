import { connect, NatsConnection } from 'nats';

/** A NATS connection that keeps reconnecting for as long as the process lives. */
export function connectNats(url: string, name: string): Promise<NatsConnection> {
  // No async traces: an Error captured per request costs more than the stack it would show.
  return connect({ servers: url, name, maxReconnectAttempts: -1, reconnectTimeWait: 250, noAsyncTraces: true });
}
