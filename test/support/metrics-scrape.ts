import { request } from 'node:http';
import { METRICS_TOKEN } from './app-env';
import { Stack } from './stack';

/** What Prometheus sends: /metrics answers nothing else. */
export const METRICS_AUTHORIZATION = { authorization: `Bearer ${METRICS_TOKEN}` };

export type Labels = Record<string, string>;

/** The sum of the samples of a metric whose labels include `labels`, in Prometheus's text format; 0 when there is none. */
export function sampleOf(text: string, name: string, labels: Labels = {}): number {
  let total = 0;
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map(([, key, value]) => [key, value]));
    if (Object.entries(labels).every(([key, value]) => found[key] === value)) total += Number(match[3]);
  }
  return total;
}

/** GET /metrics on a service's METRICS_PORT: plain node:http, as Prometheus scrapes it. */
export function scrapePort(port: number, headers: Record<string, string> = METRICS_AUTHORIZATION): Promise<{ status: number; type: string; text: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request({ host: '127.0.0.1', port, path: '/metrics', headers }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () =>
        resolve({ status: incoming.statusCode ?? 0, type: String(incoming.headers['content-type']), text: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

/** The port a service of a stack started with METRICS_PORT=0 logged at boot. */
export function metricsPortOf(stack: Stack, service: string): number {
  const line = stack
    .process(service)
    .logs()
    .split('\n')
    .find((logged) => logged.includes('metrics served on port'));
  if (!line) throw new Error(`${service} did not log its metrics port.\n${stack.process(service).tail()}`);
  return (JSON.parse(line) as { port: number }).port;
}
