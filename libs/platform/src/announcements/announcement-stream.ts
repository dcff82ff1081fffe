import {
  AckPolicy,
  ConsumerConfig,
  ConsumerInfo,
  ConsumerMessages,
  DeliverPolicy,
  JetStreamClient,
  JSONCodec,
  NatsConnection,
  nanos,
  RetentionPolicy,
  StorageType,
} from 'nats';
// Not re-exported by the package's entry point.
import { ConsumerApiAction } from 'nats/lib/jetstream/jsapi_types';
import {
  DomainError,
  ErrorCode,
  EventContract,
  EventPayloadOf,
  IdentityEvents,
  MfaEvents,
  TenancyEvents,
} from '@app/contracts';
import { subjectOf } from '../transport/subjects';

const codec = JSONCodec<unknown>();

/** Every event a service announces. */
const ANNOUNCED: EventContract[] = [...Object.values(IdentityEvents), ...Object.values(TenancyEvents), ...Object.values(MfaEvents)];

/** How long an announcement waits for a gateway: longer than any session it could end lives. */
const KEPT_MS = 7 * 24 * 3_600_000;
/** A row sent again (its sender died before deleting it) within this window is stored once. */
const DUPLICATE_WINDOW_MS = 2 * 60_000;
/** How long a gateway has to handle one before it is delivered again. */
const ACK_WAIT_MS = 30_000;

/** nats.js's consumer API takes an action (create, update, or both) that its public type leaves out. */
interface ConsumersWithAction {
  add(stream: string, config: Partial<ConsumerConfig>, action: ConsumerApiAction): Promise<ConsumerInfo>;
}

/** What an announcement travels as: the packet of `@nestjs/microservices` events. */
interface AnnouncementPacket {
  pattern: string;
  data: unknown;
}

/**
 * The JetStream stream of a deployment's announcements (one per NATS subject
 * prefix): NATS stores each until a gateway acknowledged it, so that one sent
 * while no gateway runs, or while the one that got it dies, is still handled.
 * A work queue: all gateways share one durable consumer, and each announcement
 * is handled once (what it changes is shared in Redis).
 */
export class AnnouncementStream {
  readonly name: string;
  private readonly js: JetStreamClient;
  private ready?: Promise<void>;

  constructor(
    private readonly nats: NatsConnection,
    private readonly namespace: string,
    private readonly timeoutMs: number,
    private readonly replicas = 1,
  ) {
    this.name = namespace ? `${namespace}_announcements` : 'announcements';
    this.js = nats.jetstream({ timeout: timeoutMs });
  }

  /**
   * Stores the announcement; `id` makes a second send of the same one (after
   * a crash between this and the sender's delete) a no-op.
   * @throws DomainError unavailable when NATS does not confirm in time.
   */
  async publish<C extends EventContract>(contract: C, payload: EventPayloadOf<C>, id: string): Promise<void> {
    const packet: AnnouncementPacket = { pattern: contract.pattern, data: payload };
    try {
      await this.js.publish(subjectOf(this.namespace, contract.pattern), codec.encode(packet), { msgID: id, timeout: this.timeoutMs });
    } catch (error) {
      // The stream may be gone (deleted, or never made on this server): made again before the next try.
      this.ready = undefined;
      throw new DomainError(ErrorCode.Unavailable, `NATS did not store the announcement: ${(error as Error).message}`);
    }
  }

  /**
   * The announcements not yet acknowledged by `durable`'s consumers, in order,
   * redelivered when not acknowledged. Made again each time (this runs at
   * start and after a failure): the stream or the consumer may have been
   * deleted, and then the messages end, so that the caller asks again.
   */
  async consume(durable: string): Promise<ConsumerMessages> {
    this.ready = undefined;
    await this.ensure();
    const manager = await this.nats.jetstreamManager({ timeout: this.timeoutMs });
    const config = { durable_name: durable, ack_policy: AckPolicy.Explicit, deliver_policy: DeliverPolicy.All, ack_wait: nanos(ACK_WAIT_MS) };
    // Created, or updated to this configuration when an earlier version made it otherwise.
    await (manager.consumers as unknown as ConsumersWithAction).add(this.name, config, ConsumerApiAction.CreateOrUpdate);
    const consumer = await this.js.consumers.get(this.name, durable);
    return consumer.consume({ max_messages: 64, abort_on_missing_resource: true });
  }

  /** The pattern and payload of a received announcement. */
  static decode(data: Uint8Array): AnnouncementPacket {
    return codec.decode(data) as AnnouncementPacket;
  }

  /**
   * Creates the stream, or adds this version's subjects to it: once per
   * process, again after a failure.
   * @throws DomainError unavailable while NATS (or its JetStream) does not answer.
   */
  async ensure(): Promise<void> {
    this.ready ??= this.createOrUpdate().catch((error: unknown) => {
      this.ready = undefined;
      throw error;
    });
    try {
      await this.ready;
    } catch (error) {
      throw new DomainError(ErrorCode.Unavailable, `NATS has no announcement stream for now: ${(error as Error).message}`);
    }
  }

  private async createOrUpdate(): Promise<void> {
    const manager = await this.nats.jetstreamManager({ timeout: this.timeoutMs });
    const subjects = ANNOUNCED.map((contract) => subjectOf(this.namespace, contract.pattern));
    const limits = { max_age: nanos(KEPT_MS), duplicate_window: nanos(DUPLICATE_WINDOW_MS) };
    const known = await manager.streams.info(this.name).catch(() => null);
    if (!known) {
      const stream = { name: this.name, retention: RetentionPolicy.Workqueue, storage: StorageType.File, num_replicas: this.replicas };
      await manager.streams.add({ ...stream, subjects, ...limits });
      return;
    }
    // Added to, never narrowed: during a rolling deploy, the newer processes' subjects must stay,
    // and the replicas a newer setting raised too.
    const missing = subjects.filter((subject) => !known.config.subjects.includes(subject));
    const replicas = Math.max(known.config.num_replicas, this.replicas);
    if (missing.length > 0 || replicas > known.config.num_replicas) {
      await manager.streams.update(this.name, { subjects: [...known.config.subjects, ...missing], num_replicas: replicas, ...limits });
    }
  }
}
