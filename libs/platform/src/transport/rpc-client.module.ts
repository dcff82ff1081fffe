import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { NatsConnection } from 'nats';
import { AnnouncementStream } from '../announcements/announcement-stream';
import { connectNats } from './nats-connection';
import { RpcClient } from './rpc-client';

export interface RpcClientSettings {
  url: string;
  namespace: string;
  timeoutMs: number;
  /** Shown by NATS monitoring as the connection's name. */
  connectionName: string;
  /** ANNOUNCEMENTS_REPLICAS. */
  announcementReplicas: number;
}

export const NATS_CONNECTION = Symbol('NATS_CONNECTION');

/** Provides the typed `RpcClient` and the `AnnouncementStream` over one NATS connection, drained at shutdown. */
@Global()
@Module({})
export class RpcClientModule implements OnApplicationShutdown {
  constructor(@Inject(NATS_CONNECTION) private readonly nats: NatsConnection) {}

  static forRoot(settings: RpcClientSettings): DynamicModule {
    return {
      module: RpcClientModule,
      providers: [
        { provide: NATS_CONNECTION, useFactory: () => connectNats(settings.url, settings.connectionName) },
        {
          provide: RpcClient,
          inject: [NATS_CONNECTION],
          useFactory: (nats: NatsConnection) => new RpcClient(nats, settings.namespace, settings.timeoutMs),
        },
        {
          provide: AnnouncementStream,
          inject: [NATS_CONNECTION],
          useFactory: (nats: NatsConnection) => new AnnouncementStream(nats, settings.namespace, settings.timeoutMs, settings.announcementReplicas),
        },
      ],
      exports: [RpcClient, AnnouncementStream, NATS_CONNECTION],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.nats.isClosed()) await this.nats.drain();
  }
}
