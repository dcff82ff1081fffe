import { MsPattern, NatsOptions, ServerNats } from '@nestjs/microservices';
import { subjectOf } from './subjects';

/**
 * Nest's NATS server, subscribing every handler under a namespace and in the
 * service's queue group, so that two processes of a service split the load.
 */
export class NamespacedNatsServer extends ServerNats {
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
}

export interface NatsServerSettings {
  url: string;
  namespace: string;
  /** The queue group: the service's name. */
  queue: string;
}
