import { EntityManager } from '@mikro-orm/postgresql';
import { DynamicModule, Module } from '@nestjs/common';
import { Mailer } from './mailer';
import { MailOutbox } from './mail-outbox';

/**
 * The service's MailOutbox. Not global on purpose, like AnnouncementsModule:
 * Nest closes the global modules (MikroORM) last, so the relay stops first.
 */
@Module({})
export class MailOutboxModule {
  static forService(schema: string, smtpUrl: string, from: string): DynamicModule {
    return {
      module: MailOutboxModule,
      providers: [
        {
          provide: MailOutbox,
          inject: [EntityManager],
          useFactory: (em: EntityManager) => new MailOutbox(em, new Mailer(smtpUrl, from), schema),
        },
      ],
      exports: [MailOutbox],
    };
  }
}
