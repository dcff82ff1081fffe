import { Logger } from '@nestjs/common';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { METRICS_CONTENT_TYPE, metricsText } from './metrics';
import { metricsAccessOf } from './metrics-access';

const STATUS_OF_REFUSAL = { refused: 401, not_served: 404 } as const;

let server: Server | undefined;

/**
 * Prometheus's scrape target in a service, which has no HTTP server: GET /metrics
 * and nothing else, with `Authorization: Bearer <token>`; without a token, nothing.
 */
export async function serveMetrics(port: number, token: string | undefined): Promise<void> {
  const metrics = createServer((request, response) => {
    if (request.method !== 'GET' || request.url?.split('?')[0] !== '/metrics') {
      response.writeHead(404).end();
      return;
    }
    const access = metricsAccessOf(request.headers.authorization, token);
    if (access !== 'allowed') {
      response.writeHead(STATUS_OF_REFUSAL[access], access === 'refused' ? { 'WWW-Authenticate': 'Bearer' } : {}).end();
      return;
    }
    metricsText().then(
      (text) => response.writeHead(200, { 'Content-Type': METRICS_CONTENT_TYPE }).end(text),
      () => response.writeHead(500).end(),
    );
  });
  await new Promise<void>((listening, failed) => {
    metrics.once('error', failed);
    metrics.listen(port, listening);
  });
  server = metrics;
  const bound = (metrics.address() as AddressInfo).port;
  new Logger('metrics').log({ msg: `metrics served on port ${bound}`, port: bound });
}

export function stopMetricsServer(): Promise<void> {
  const closing = server;
  server = undefined;
  if (!closing) return Promise.resolve();
  return new Promise((closed) => {
    closing.close(() => closed());
    // A scraper keeps its connection alive: without this, close would wait for it to time out.
    closing.closeAllConnections();
  });
}
