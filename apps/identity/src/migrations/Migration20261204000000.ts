import { Migration } from '@mikro-orm/migrations';

export class Migration20261204000000 extends Migration {
  override async up(): Promise<void> {
    // "This wasn't me": the link under each security alert, single use, kept hashed like the others.
    this.addSql(`alter table "identity"."user_tokens" drop constraint "user_tokens_purpose_check";`);
    this.addSql(`alter table "identity"."user_tokens"
      add constraint "user_tokens_purpose_check" check ("purpose" in ('activation', 'reset', 'not_me'));`);
    // The browsers each user signed in with, by the digest of their cookie: a sign-in from another one is alerted.
    this.addSql(`
      create table "identity"."known_browsers" (
        "user_id" uuid not null references "identity"."users" ("id") on delete cascade,
        "browser" text not null,
        "first_seen_at" timestamptz not null default now(),
        primary key ("user_id", "browser")
      );`);
  }
}
