import { Migration } from '@mikro-orm/migrations';

export class Migration20261202140000 extends Migration {
  override async up(): Promise<void> {
    // Devices registered before factors were recorded proved nothing known: they enter no portal that requires 2FA until signed in again.
    this.addSql(`
      alter table "identity"."devices"
        add column "factors" text[] not null default '{}';`);
  }
}
