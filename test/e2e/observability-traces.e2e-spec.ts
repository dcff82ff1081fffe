import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { activeMember, browserOn, createCompany, credentialsOf } from '../support/factories';
import { OwnStack, startOwnStack } from '../support/own-stack';

const STACK_START_MS = 120_000;
const EXPORT_WAIT_MS = 10_000;

interface ExportedSpan {
  service: string;
  name: string;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
}

interface OtlpExport {
  resourceSpans: {
    resource: { attributes: { key: string; value: { stringValue?: string } }[] };
    scopeSpans: { spans: Omit<ExportedSpan, 'service'>[] }[];
  }[];
}

/** An OpenTelemetry collector reduced to what the test reads: OTLP/HTTP JSON on /v1/traces. */
class Collector {
  readonly spans: ExportedSpan[] = [];
  private readonly server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.url === '/v1/traces') this.keep(JSON.parse(Buffer.concat(chunks).toString('utf8')) as OtlpExport);
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });

  async start(): Promise<string> {
    await new Promise<void>((listening) => this.server.listen(0, '127.0.0.1', listening));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((closed) => this.server.close(() => closed()));
  }

  async waitFor(found: (spans: ExportedSpan[]) => boolean): Promise<void> {
    const deadline = Date.now() + EXPORT_WAIT_MS;
    while (!found(this.spans)) {
      if (Date.now() > deadline) throw new Error(`Spans not exported within ${EXPORT_WAIT_MS} ms: ${JSON.stringify(this.spans)}`);
      await new Promise((done) => setTimeout(done, 100));
    }
  }

  private keep(batch: OtlpExport): void {
    for (const { resource, scopeSpans } of batch.resourceSpans) {
      const service = resource.attributes.find((attribute) => attribute.key === 'service.name')?.value.stringValue ?? '';
      for (const { spans } of scopeSpans) this.spans.push(...spans.map(({ name, traceId, spanId, parentSpanId }) => ({ service, name, traceId, spanId, parentSpanId })));
    }
  }
}

describe('Traces, when an OTLP endpoint is configured', () => {
  const collector = new Collector();
  let own: OwnStack;

  beforeAll(async () => {
    const endpoint = await collector.start();
    // The batch processor sends every 5 s by default: sooner here, so the test need not wait.
    own = await startOwnStack('traces', { extraEnv: () => ({ OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_BSP_SCHEDULE_DELAY: '100' }) });
  }, STACK_START_MS);

  afterAll(async () => {
    await own?.dispose();
    await collector.stop();
  });

  test('a sign-in is one trace: the gateway’s HTTP span, its NATS request, and identity’s span for the message', async () => {
    const firm = await createCompany({ name: 'Garnier Conseil' }, own.gateway);
    const member = await activeMember(firm);

    expect((await browserOn(firm.host, own.gateway).post('/api/auth/login', credentialsOf(member))).status).toBe(200);

    const isLogin = (span: ExportedSpan) => span.service === 'gateway' && span.name === 'POST /api/auth/login';
    const handledIn = (traceId: string) => (span: ExportedSpan) =>
      span.service === 'identity' && span.traceId === traceId && span.name === 'identity.user.verify-password';
    await collector.waitFor((spans) => spans.some((login) => isLogin(login) && spans.some(handledIn(login.traceId))));
    const login = collector.spans.find(isLogin)!;
    const handled = collector.spans.find(handledIn(login.traceId))!;
    const request = collector.spans.find((span) => span.spanId === handled.parentSpanId);
    expect(request).toMatchObject({ service: 'gateway', name: 'identity.user.verify-password', traceId: login.traceId, parentSpanId: login.spanId });
  });
});
