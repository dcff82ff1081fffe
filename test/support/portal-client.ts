import { IncomingHttpHeaders, request as httpRequest } from 'node:http';
import { CookieJar, StoredCookie } from './cookie-jar';

export interface PortalResponse {
  status: number;
  headers: IncomingHttpHeaders;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- specs assert on any JSON shape with expect()
  body: any;
  text: string;
  /** The body as sent, for images. */
  bytes: Buffer;
  /** Time from sending to the whole answer. */
  elapsedMs: number;
}

export interface RequestOptions {
  /** Sent as JSON with Content-Type application/json. */
  json?: unknown;
  /** Sent as is, for malformed or oversized bodies; Content-Type application/json unless told otherwise. */
  raw?: string | Buffer;
  contentType?: string;
  headers?: Record<string, string>;
}

export interface ClientOptions {
  headers?: Record<string, string>;
  /**
   * The loopback address the client connects from. Each spec file gets its own,
   * as if its users sat at different machines, so per-IP rate limits of one
   * spec file do not spill into another's.
   */
  sourceAddress?: string;
  timeoutMs?: number;
}

const octet = () => 1 + Math.floor(Math.random() * 250);
/** Evaluated once per spec file: Jest gives each file its own module registry. */
const specFileAddress = `127.${octet()}.${octet()}.${octet()}`;

/**
 * Another client machine, for a test that spends a per-address budget on
 * purpose. In 127.0.0.0/16, apart from the spec files' addresses.
 */
export function anotherMachineAddress(): string {
  return `127.0.${octet()}.${octet()}`;
}

/**
 * A browser on one portal host: it connects to 127.0.0.1 and sends
 * `Host: <host>:<port>`, keeping the cookies the gateway sets.
 */
export class PortalClient {
  readonly cookies = new CookieJar();

  constructor(
    readonly host: string,
    readonly port: number,
    private readonly options: ClientOptions = {},
  ) {}

  /** The origin a browser on this portal sends in `Origin`. */
  get origin(): string {
    return `http://${this.host}:${this.port}`;
  }

  /** The HttpOnly cookie: the web session. */
  sessionCookie(): StoredCookie | undefined {
    return this.cookies.get('portal_session');
  }

  get(path: string, options: RequestOptions = {}): Promise<PortalResponse> {
    return this.request('GET', path, options);
  }

  post(path: string, json?: unknown, options: RequestOptions = {}): Promise<PortalResponse> {
    return this.request('POST', path, json === undefined ? options : { ...options, json });
  }

  delete(path: string, options: RequestOptions = {}): Promise<PortalResponse> {
    return this.request('DELETE', path, options);
  }

  request(method: string, path: string, options: RequestOptions = {}): Promise<PortalResponse> {
    const payload = options.json !== undefined ? JSON.stringify(options.json) : options.raw;
    const headers: Record<string, string> = { host: `${this.host}:${this.port}`, accept: 'application/json' };
    const cookie = this.cookies.header(path);
    if (cookie) headers.cookie = cookie;
    if (payload !== undefined) {
      headers['content-type'] = options.contentType ?? 'application/json';
      headers['content-length'] = String(Buffer.byteLength(payload));
    }
    Object.assign(headers, this.options.headers, options.headers);
    return this.send(method, path, headers, payload);
  }

  private send(
    method: string,
    path: string,
    headers: Record<string, string>,
    payload?: string | Buffer,
  ): Promise<PortalResponse> {
    const started = Date.now();
    const timeoutMs = this.options.timeoutMs ?? 15_000;
    return new Promise((resolve, reject) => {
      let answered = false;
      const outgoing = httpRequest(
        {
          host: '127.0.0.1',
          port: this.port,
          method,
          path,
          headers,
          localAddress: this.options.sourceAddress ?? specFileAddress,
          agent: false,
          timeout: timeoutMs,
        },
        (incoming) => {
          answered = true;
          const chunks: Buffer[] = [];
          incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
          incoming.on('error', reject);
          incoming.on('end', () => {
            this.cookies.store(incoming.headers['set-cookie']);
            const bytes = Buffer.concat(chunks);
            const text = bytes.toString('utf8');
            resolve({
              status: incoming.statusCode ?? 0,
              headers: incoming.headers,
              body: parseBody(incoming.headers, text),
              text,
              bytes,
              elapsedMs: Date.now() - started,
            });
          });
        },
      );
      outgoing.on('timeout', () => {
        outgoing.destroy(new Error(`${method} ${path} on ${this.host}: no answer within ${timeoutMs} ms`));
      });
      // A server may answer (413) and close before reading an oversized body: the answer is what counts.
      outgoing.on('error', (error) => {
        if (!answered) reject(error);
      });
      outgoing.end(payload);
    });
  }
}

function parseBody(headers: IncomingHttpHeaders, text: string): unknown {
  if (!text || !String(headers['content-type'] ?? '').includes('json')) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
