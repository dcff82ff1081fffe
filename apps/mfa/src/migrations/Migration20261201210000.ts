import { Migration } from '@mikro-orm/migrations';

export class Migration20261201210000 extends Migration {
  override async up(): Promise<void> {
    // Announcements written in the transaction of the change they tell of, and sent after it.
    this.addSql(`
      create table "mfa"."announcements" (
        "id" bigserial primary key,
        "pattern" text not null,
        "payload" jsonb not null,
        "created_at" timestamptz not null default now()
      );`);
  }
}
