import { DomainError, ParsedRequestOf, ReplyOf, RequestContract } from '@app/contracts';
import { subjectOf } from '@app/platform';
import { connect, JSONCodec, NatsConnection } from 'nats';

const codec = JSONCodec<{ id?: string; data?: unknown }>();

type Answer<C extends RequestContract> = (request: ParsedRequestOf<C>) => ReplyOf<C> | DomainError;

/**
 * The other services as a service under test meets them: answers on the real
 * NATS server, under the test's subject prefix, in the packet format Nest's
 * NATS transport speaks. Each records what it was asked, so that a spec sees
 * which remote effects a use case caused (and which it did not).
 */
export class PeerServices {
  private readonly asked = new Map<string, unknown[]>();

  private constructor(
    private readonly nats: NatsConnection,
    private readonly namespace: string,
  ) {}

  static async connect(natsUrl: string, namespace: string): Promise<PeerServices> {
    return new PeerServices(await connect({ servers: natsUrl, name: 'peer-services' }), namespace);
  }

  /** From now on, `contract` is answered by `answer` (a DomainError is sent as the service's error). */
  answer<C extends RequestContract>(contract: C, answer: Answer<C>): void {
    this.asked.set(contract.pattern, []);
    const subscription = this.nats.subscribe(subjectOf(this.namespace, contract.pattern));
    void (async () => {
      for await (const message of subscription) {
        const { id, data } = codec.decode(message.data);
        this.asked.get(contract.pattern)?.push(data);
        const result = answer(data as ParsedRequestOf<C>);
        const reply = result instanceof DomainError ? { id, err: result.toPayload(), isDisposed: true } : { id, response: result, isDisposed: true };
        message.respond(JSONCodec().encode(reply));
      }
    })();
  }

  /** The requests received for `contract`, oldest first. */
  requestsFor<C extends RequestContract>(contract: C): ParsedRequestOf<C>[] {
    return (this.asked.get(contract.pattern) ?? []) as ParsedRequestOf<C>[];
  }

  async close(): Promise<void> {
    await this.nats.drain();
  }
}
