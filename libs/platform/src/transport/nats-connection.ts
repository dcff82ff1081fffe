import { connect, NatsConnection } from 'nats';

/** The servers of `NATS_URL`: one, or a cluster's, comma-separated. */
export function natsServersOf(url: string): string[] {
  return url.split(',').map((server) => server.trim());
}

/** A NATS connection that keeps reconnecting for as long as the process lives. */
export function connectNats(url: string, name: string): Promise<NatsConnection> {
  // No async traces: an Error captured per request costs more than the stack it would show.
  return connect({ servers: natsServersOf(url), name, maxReconnectAttempts: -1, reconnectTimeWait: 250, noAsyncTraces: true });
}
