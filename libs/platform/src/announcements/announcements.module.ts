import { EntityManager } from '@mikro-orm/postgresql';
import { DynamicModule, Module } from '@nestjs/common';
import { EventContract } from '@app/contracts';
import { AnnouncementRelay } from './announcement-relay';
import { AnnouncementStream } from './announcement-stream';

/**
 * The service's AnnouncementRelay. Not global on purpose: Nest closes the
 * global modules (NATS, MikroORM) last, so the relay stops while they still work.
 */
@Module({})
export class AnnouncementsModule {
  static forService(schema: string, announced: EventContract[]): DynamicModule {
    return {
      module: AnnouncementsModule,
      providers: [
        {
          provide: AnnouncementRelay,
          inject: [EntityManager, AnnouncementStream],
          useFactory: (em: EntityManager, stream: AnnouncementStream) => new AnnouncementRelay(em, stream, schema, announced),
        },
      ],
      exports: [AnnouncementRelay],
    };
  }
}
