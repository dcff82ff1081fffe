import { MsPattern, NatsOptions, ServerNats } from '@nestjs/microservices';
import { Msg } from 'nats';
import { MessageObservation, observeMessage } from './message-observation';
import { subjectOf } from './subjects';

/**
 * Nest's NATS server, subscribing every handler under a namespace and in the
 * service's queue group, so that two processes of a service split the load;
 * each message is observed (its request's scope, span, metrics and log line)
 * here rather than by a global interceptor, whose Observable chain cost about
 * a third of a simple message's CPU.
 */
export class NamespacedNatsServer extends ServerNats {
  private readonly observations = new WeakMap<Msg, MessageObservation>();

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

  override handleMessage(channel: string, message: Msg): Promise<unknown> {
    const pattern = this.namespace && channel.startsWith(`${this.namespace}.`) ? channel.slice(this.namespace.length + 1) : channel;
    return observeMessage(channel, pattern, message.headers, (observation) => {
      this.observations.set(message, observation);
      return super.handleMessage(channel, message);
    });
  }

  /** The reply ends the message's observation, with the error code it answers, if any. */
  override getPublisher(...args: Parameters<ServerNats['getPublisher']>): ReturnType<ServerNats['getPublisher']> {
    const publish = super.getPublisher(...args);
    const observation = this.observations.get(args[0] as Msg);
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
