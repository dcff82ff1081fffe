import { NatsOptions } from '@nestjs/microservices';
import { NatsConnection, Subscription } from 'nats';
import { natsServersOf } from '../transport/nats-connection';
import { NamespacedNatsServer, NatsServerSettings } from '../transport/namespaced-nats.server';
import { settledWithin } from './settled-within';

type ServerOptions = NonNullable<NatsOptions['options']>;

/** Messages held at shutdown get this long to be answered: longer than callers wait (RPC_TIMEOUT_MS) is of no use. */
const IN_FLIGHT_GRACE_MS = 4000;
/** A flush is a round trip to NATS: with NATS down it would wait for ever. */
const FLUSH_GRACE_MS = 1000;

/**
 * The namespaced NATS server of every app, made to survive NATS restarts and
 * to stop without losing a message:
 * - it reconnects for as long as the process lives (the client's default gives
 *   up after 10 attempts), and the client subscribes again on reconnection;
 * - at shutdown it drains its subscriptions (NATS stops routing to this
 *   process, messages already on their way are still delivered), waits for the
 *   handlers still running to reply, then flushes and closes. Nest's own
 *   graceful option unsubscribes at once, dropping messages already on the wire.
 */
export class DrainingNatsServer extends NamespacedNatsServer {
  private readonly subscribed: Subscription[] = [];
  private readonly inFlight = new Set<unknown>();
  private whenIdle?: () => void;

  constructor(
    options: ServerOptions,
    namespace: string,
    private readonly queue: string,
  ) {
    super({ ...options, maxReconnectAttempts: -1, reconnectTimeWait: 250 }, namespace);
    this.setOnProcessingStartHook((_transport, context, done) => {
      this.inFlight.add(context);
      return done();
    });
    this.setOnProcessingEndHook((_transport, context) => {
      this.inFlight.delete(context);
      if (this.inFlight.size === 0) this.whenIdle?.();
    });
  }

  override bindEvents(client: NatsConnection): void {
    for (const [channel, handler] of this.messageHandlers) {
      const queue = (handler.extras?.queue as string | undefined) ?? this.queue;
      this.subscribed.push(client.subscribe(channel, { queue, callback: this.getMessageHandler(channel).bind(this) }));
    }
  }

  override async close(): Promise<void> {
    const connection = this.connection();
    if (connection && !connection.isClosed()) {
      await settledWithin(Promise.all(this.subscribed.map((subscription) => subscription.drain())), FLUSH_GRACE_MS);
      const held = this.inFlight.size;
      const idle = await settledWithin(this.idle(), IN_FLIGHT_GRACE_MS);
      if (!idle) this.logger.warn(`Stopped with ${this.inFlight.size} of ${held} messages still being handled`);
      await settledWithin(connection.flush(), FLUSH_GRACE_MS);
    }
    this.subscribed.length = 0;
    await super.close();
  }

  private idle(): Promise<void> {
    if (this.inFlight.size === 0) return Promise.resolve();
    return new Promise((resolve) => (this.whenIdle = resolve));
  }

  private connection(): NatsConnection | null {
    try {
      return this.unwrap<NatsConnection>();
    } catch {
      return null;
    }
  }
}

export function drainingNatsStrategy(settings: NatsServerSettings): DrainingNatsServer {
  return new DrainingNatsServer({ servers: natsServersOf(settings.url), name: settings.queue }, settings.namespace, settings.queue);
}
