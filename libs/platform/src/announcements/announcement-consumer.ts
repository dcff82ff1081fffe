import { setTimeout as sleep } from 'node:timers/promises';
import { BeforeApplicationShutdown, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConsumerMessages, JsMsg } from 'nats';
import { announcementsReceived } from '../observability/metrics';
import { EventContract, EventPayloadOf } from '@app/contracts';
import { subjectOf } from '../transport/subjects';
import { AnnouncementStream } from './announcement-stream';

/** How long a failed handling, or a failed subscription, waits before it is tried again. */
const RETRY_MS = 1000;
/** An announcement of a kind this version does not know waits this long for a newer gateway (a rolling deploy). */
const UNKNOWN_KIND_RETRY_MS = 60_000;

/** What a receiver does with one kind of announcement. */
export interface AnnouncementHandler {
  contract: EventContract;
  handle(payload: unknown): Promise<void>;
}

/** A handler typed by its contract: its payload was checked against the contract's schema. */
export function handling<C extends EventContract>(contract: C, handle: (payload: EventPayloadOf<C>) => Promise<void>): AnnouncementHandler {
  return { contract, handle: (payload) => handle(payload as EventPayloadOf<C>) };
}

/**
 * Receives the announcements of the stream as one of `durable`'s consumers:
 * each is acknowledged once handled, delivered again a second later when its
 * handler failed, and again to another process when this one died holding it.
 */
export class AnnouncementConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('announcements');
  /** By subject: several features may act on one kind of announcement (each handler is idempotent, as a failure runs them all again). */
  private readonly handlers = new Map<string, AnnouncementHandler[]>();
  private messages?: ConsumerMessages;
  private receiving?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly stream: AnnouncementStream,
    private readonly durable: string,
    namespace: string,
    handlers: AnnouncementHandler[],
  ) {
    for (const handler of handlers) {
      const subject = subjectOf(namespace, handler.contract.pattern);
      this.handlers.set(subject, [...(this.handlers.get(subject) ?? []), handler]);
    }
  }

  /** Not awaited: a process whose NATS is away at boot starts all the same, and receives once it is back. */
  onApplicationBootstrap(): void {
    this.receiving = this.receive();
  }

  /** Before the shutdown hooks, so that the announcements being handled still have Redis. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.messages?.close();
    await this.receiving;
  }

  private async receive(): Promise<void> {
    let failing = false;
    while (!this.stopped) {
      try {
        this.messages = await this.stream.consume(this.durable);
        // Stopped while subscribing: the shutdown closed nothing yet.
        if (this.stopped) await this.messages.close();
        if (failing) this.logger.log('Announcements are received again');
        failing = false;
        for await (const message of this.messages) await this.handle(message);
      } catch (error) {
        if (!failing) this.logger.warn(`Announcements cannot be received for now: ${(error as Error).message}`);
        failing = true;
      }
      if (!this.stopped) await sleep(RETRY_MS);
    }
  }

  private async handle(message: JsMsg): Promise<void> {
    const handlers = this.handlers.get(message.subject);
    if (!handlers) {
      this.logger.warn(`An announcement on ${message.subject} is left for a gateway that handles it`);
      announcementsReceived.inc({ pattern: 'unknown', outcome: 'unknown' });
      message.nak(UNKNOWN_KIND_RETRY_MS);
      return;
    }
    const [handler] = handlers;
    const parsed = decodedPayload(handler, message);
    if (!parsed?.success) {
      // Never valid, so never retried: it would come back forever.
      this.logger.error(`An announcement on ${message.subject} was dropped: its payload does not match its contract`);
      announcementsReceived.inc({ pattern: handler.contract.pattern, outcome: 'dropped' });
      message.term();
      return;
    }
    try {
      await Promise.all(handlers.map((each) => each.handle(parsed.data)));
      announcementsReceived.inc({ pattern: handler.contract.pattern, outcome: 'handled' });
      message.ack();
    } catch (error) {
      this.logger.warn(`An announcement on ${message.subject} will be handled again: ${(error as Error).message}`);
      announcementsReceived.inc({ pattern: handler.contract.pattern, outcome: 'retried' });
      message.nak(RETRY_MS);
    }
  }
}

function decodedPayload(handler: AnnouncementHandler, message: JsMsg) {
  try {
    return handler.contract.payload.safeParse(AnnouncementStream.decode(message.data).data);
  } catch {
    return undefined;
  }
}
