/** What only the services load: their boot, database, outbox relay and mail (the gateway has no tables and sends no mail). */
export * from './announcements/announcement-relay';
export * from './announcements/announcements.module';
export * from './boot/boot-service';
export * from './database/bounded-waits';
export * from './database/database-health';
export * from './database/migrate-under-lock';
export * from './database/service-health';
export * from './database/service-orm-config';
export * from './mail/mail-outbox';
export * from './mail/mail-outbox.module';
export * from './mail/mail-writer';
export * from './mail/mailer';
export * from './mail/quoted-words';
