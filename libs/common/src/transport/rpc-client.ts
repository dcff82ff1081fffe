import { randomUUID } from 'node:crypto';
import { JSONCodec, NatsConnection, NatsError } from 'nats';
import { DomainError, ErrorCode, isRpcErrorPayload } from './rpc-error';
import { EventContract, EventPayloadOf, ReplyOf, RequestContract, RequestOf } from './message-contract';
import { subjectOf } from './subjects';

const codec = JSONCodec<unknown>();

interface ReplyPacket {
  err?: unknown;
  response?: unknown;
}

/**
 * Typed request/reply over NATS, speaking the packet format of
 * `@nestjs/microservices` so that services stay plain Nest NATS servers.
 * It uses NATS's own request, which fails at once with "no responders" when no
 * process of the service is subscribed, instead of waiting for a timeout.
 */
export class RpcClient {
  constructor(
    private readonly nats: NatsConnection,
    private readonly namespace: string,
    private readonly timeoutMs: number,
  ) {}

  /** @throws DomainError with the service's code, or `unavailable` when no process answers in time. */
  async request<C extends RequestContract>(
    contract: C,
    payload: RequestOf<C>,
    options: { timeoutMs?: number } = {},
  ): Promise<ReplyOf<C>> {
    const packet = { pattern: contract.pattern, data: payload, id: randomUUID() };
    const timeout = options.timeoutMs ?? this.timeoutMs;
    const reply = await this.nats
      .request(subjectOf(this.namespace, contract.pattern), codec.encode(packet), { timeout })
      .catch((error: NatsError) => {
        throw new DomainError(ErrorCode.Unavailable, `${serviceOf(contract.pattern)} is not answering.`, {
          reason: error.code,
        });
      });
    const { err, response } = codec.decode(reply.data) as ReplyPacket;
    if (err !== undefined && err !== null) {
      if (isRpcErrorPayload(err)) throw new DomainError(err.code, err.message, err.details);
      throw new DomainError(ErrorCode.Internal, `${serviceOf(contract.pattern)} failed.`);
    }
    return response as ReplyOf<C>;
  }

  emit<C extends EventContract>(contract: C, payload: EventPayloadOf<C>): void {
    this.nats.publish(subjectOf(this.namespace, contract.pattern), codec.encode({ pattern: contract.pattern, data: payload }));
  }
}

function serviceOf(pattern: string): string {
  return pattern.split('.')[0];
}
