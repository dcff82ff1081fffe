import { Migration } from '@mikro-orm/migrations';

export class Migration20261203070000 extends Migration {
  override async up(): Promise<void> {
    // Mails recorded in the transaction of the change they tell of, kept until the SMTP server accepted them.
    this.addSql(`
      create table "mfa"."mails" (
        "id" bigserial primary key,
        "kind" text not null,
        "about" text not null,
        "notice" jsonb not null,
        "delivered" int[] not null default '{}',
        "attempts" int not null default 0,
        "next_attempt_at" timestamptz not null default now(),
        "created_at" timestamptz not null default now()
      );`);
    this.addSql(`create index "mails_next_attempt_at_index" on "mfa"."mails" ("next_attempt_at");`);
  }
}
