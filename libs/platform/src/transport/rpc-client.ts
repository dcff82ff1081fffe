import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { ErrorCode as NatsErrorCode, Events, headers as natsHeaders, JSONCodec, Msg, NatsConnection, NatsError } from 'nats';
import { currentRequestId, REQUEST_ID_HEADER } from '../observability/request-context';
import { observeRpc } from '../observability/rpc-observation';
import { injectTraceContext } from '../observability/spans';
import { DomainError, ErrorCode, isRpcErrorPayload, ReplyOf, RequestContract, RequestOf } from '@app/contracts';
import { subjectOf } from './subjects';

const codec = JSONCodec<unknown>();

/**
 * Pauses before each retry: long enough for NATS to drop a replica whose
 * connection closed, and to ride out a reconnection to NATS itself (250 ms apart).
 */
const RETRY_DELAYS_MS = [50, 250];

/** Our reason when the request was not even sent: the connection to NATS is down. */
const DISCONNECTED = 'DISCONNECTED';

interface ReplyPacket {
  err?: unknown;
  response?: unknown;
}

/**
 * Typed request/reply over NATS, speaking the packet format of
 * `@nestjs/microservices` so that services stay plain Nest NATS servers.
 * It uses NATS's own request, which fails at once with "no responders" when no
 * process of the service is subscribed, instead of waiting for a timeout.
 * A request nobody received ("no responders", e.g. during a restart) is sent
 * again; one that got no answer is sent again only when idempotent, so that a
 * replica killed while holding it costs a delay, not a failure, and no write
 * is ever applied twice. While the connection to NATS is down, a request is
 * not buffered until it returns (the client's default): it waits out the same
 * short retries, then fails, so callers answer 503 within a second and a write
 * is never delivered long after its caller gave up.
 */
export class RpcClient {
  private connected = true;

  constructor(
    private readonly nats: NatsConnection,
    private readonly namespace: string,
    private readonly timeoutMs: number,
  ) {
    void this.followConnection();
  }

  /** @throws DomainError with the service's code, or `unavailable` when no process answers in time. */
  async request<C extends RequestContract>(
    contract: C,
    payload: RequestOf<C>,
    options: { timeoutMs?: number } = {},
  ): Promise<ReplyOf<C>> {
    return observeRpc(contract.pattern, () => this.exchange(contract, payload, options.timeoutMs ?? this.timeoutMs));
  }

  private async exchange<C extends RequestContract>(contract: C, payload: RequestOf<C>, timeoutMs: number): Promise<ReplyOf<C>> {
    const reply = await this.send(contract, payload, timeoutMs);
    const { err, response } = codec.decode(reply.data) as ReplyPacket;
    if (err !== undefined && err !== null) {
      if (isRpcErrorPayload(err)) throw new DomainError(err.code, err.message, err.details);
      throw new DomainError(ErrorCode.Internal, `${serviceOf(contract.pattern)} failed.`);
    }
    return response as ReplyOf<C>;
  }

  private async send(contract: RequestContract, payload: unknown, timeout: number): Promise<Msg> {
    const subject = subjectOf(this.namespace, contract.pattern);
    const packet = codec.encode({ pattern: contract.pattern, data: payload, id: randomUUID() });
    for (let attempt = 0; ; attempt += 1) {
      let reason = DISCONNECTED;
      if (this.connected) {
        try {
          return await this.nats.request(subject, packet, { timeout, headers: requestHeaders() });
        } catch (error) {
          reason = (error as NatsError).code;
        }
      }
      const unreceived = reason === NatsErrorCode.NoResponders || reason === DISCONNECTED;
      if (attempt >= RETRY_DELAYS_MS.length || !(unreceived || contract.idempotent)) {
        throw new DomainError(ErrorCode.Unavailable, `${serviceOf(contract.pattern)} is not answering.`, { reason });
      }
      await sleep(RETRY_DELAYS_MS[attempt]);
    }
  }

  /** The status stream ends when the connection is closed for good. */
  private async followConnection(): Promise<void> {
    for await (const status of this.nats.status()) {
      if (status.type === Events.Disconnect) this.connected = false;
      if (status.type === Events.Reconnect) this.connected = true;
    }
    this.connected = false;
  }
}

function requestHeaders() {
  const requestId = currentRequestId();
  if (!requestId) return undefined;
  const headers = natsHeaders();
  headers.set(REQUEST_ID_HEADER, requestId);
  injectTraceContext(headers);
  return headers;
}

function serviceOf(pattern: string): string {
  return pattern.split('.')[0];
}
