import { ErrorCode, RpcErrorPayload } from '@app/contracts';
import { MsPattern, NatsOptions, ServerNats } from '@nestjs/microservices';
import { JSONCodec, Msg } from 'nats';
import { MessageObservation, observeMessage } from './message-observation';
import { subjectOf } from './subjects';

const NOT_A_REQUEST: RpcErrorPayload = {
  code: ErrorCode.ValidationFailed,
  message: 'The message is not a request: a JSON packet with an id, sent with a subject to reply to.',
};
const codec = JSONCodec<unknown>();

/**
 * Nest's NATS server, subscribing every handler under a namespace and in the
 * service's queue group, so that two processes of a service split the load.
 * Every handler answers a request: a message that is none (a body that is not
 * JSON, a packet without an id, one that asks for no answer) runs nothing, and
 * its sender, if it waits, hears so at once. Each message is observed (its
 * request's scope, span, metrics and log line) here rather than by a global
 * interceptor, whose Observable chain cost about a third of a simple message's CPU.
 */
export class NamespacedNatsServer extends ServerNats {
  /** Messages whose reply has not started yet. */
  private readonly awaitingReply = new WeakMap<Msg, MessageObservation>();

  constructor(
    options: NonNullable<NatsOptions['options']>,
    private readonly namespace: string,
  ) {
    super(options);
  }

  override addHandler(
    pattern: MsPattern,
    callback: Parameters<ServerNats['addHandler']>[1],
    isEventHandler?: boolean,
    extras?: Record<string, unknown>,
  ): void {
    super.addHandler(subjectOf(this.namespace, this.normalizePattern(pattern)), callback, isEventHandler, extras);
  }

  /** Handlers are kept under the subject their messages come on; Nest's lookup first tries the subject as JSON, an exception per message. */
  override getHandlerByPattern(subject: string): ReturnType<ServerNats['getHandlerByPattern']> {
    return this.messageHandlers.get(subject) ?? null;
  }

  /** Never rejects: nats.js drops the callback's promise, and an unhandled rejection would end the process. */
  override handleMessage(channel: string, message: Msg): Promise<void> {
    const pattern = this.namespace && channel.startsWith(`${this.namespace}.`) ? channel.slice(this.namespace.length + 1) : channel;
    return observeMessage(channel, pattern, message.headers, async (observation) => {
      if (!message.reply) return observation.end(NOT_A_REQUEST);
      this.awaitingReply.set(message, observation);
      try {
        await super.handleMessage(channel, message);
      } catch (error) {
        this.logger.warn(`A message on ${channel} was dropped: ${(error as Error).message}`);
      }
      // No reply started: the body was no packet (Nest's decoding threw), or had no id (an event, see handleEvent).
      if (this.awaitingReply.delete(message)) this.refuse(message, observation);
    });
  }

  private refuse(message: Msg, observation: MessageObservation): void {
    observation.end(NOT_A_REQUEST);
    try {
      message.respond(codec.encode({ err: NOT_A_REQUEST, isDisposed: true }));
    } catch (error) {
      // The connection closed meanwhile: the sender times out, as it would have.
      this.logger.warn(`A refusal on ${message.subject} was not sent: ${(error as Error).message}`);
    }
  }

  /** Nest runs a packet without an id as an event; here it runs nothing, and handleMessage refuses it. */
  override handleEvent(): Promise<void> {
    return Promise.resolve();
  }

  /** The reply ends the message's observation, with the error code it answers, if any. */
  override getPublisher(...args: Parameters<ServerNats['getPublisher']>): ReturnType<ServerNats['getPublisher']> {
    const message = args[0] as Msg;
    const publish = super.getPublisher(...args);
    const observation = this.awaitingReply.get(message);
    this.awaitingReply.delete(message);
    return (packet: { err?: unknown }) => {
      observation?.end(packet.err);
      return publish(packet);
    };
  }
}

export interface NatsServerSettings {
  url: string;
  namespace: string;
  /** The queue group: the service's name. */
  queue: string;
}
