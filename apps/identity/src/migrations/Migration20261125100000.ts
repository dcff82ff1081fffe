import { Migration } from '@mikro-orm/migrations';

export class Migration20261125100000 extends Migration {
  override async up(): Promise<void> {
    this.addSql('create schema if not exists "identity";');
    this.addSql(`
      create table "identity"."users" (
        "id" uuid primary key,
        "email" text not null,
        "name" text not null,
        "password_hash" text null,
        "activated_at" timestamptz null,
        "credential_version" integer not null default 1 check ("credential_version" >= 1),
        "google_sub" text null,
        "created_at" timestamptz not null default now(),
        "updated_at" timestamptz not null default now(),
        constraint "users_email_unique" unique ("email"),
        constraint "users_google_sub_unique" unique ("google_sub")
      );`);
    this.addSql(`
      create table "identity"."user_tokens" (
        "id" uuid primary key,
        "user_id" uuid not null references "identity"."users" ("id") on delete cascade,
        "purpose" text not null check ("purpose" in ('activation', 'reset')),
        "token_hash" text not null,
        "expires_at" timestamptz not null,
        "used_at" timestamptz null,
        "created_at" timestamptz not null default now(),
        constraint "user_tokens_token_hash_unique" unique ("token_hash")
      );`);
    // Serves revoking a user's outstanding tokens; spent tokens stay out of it.
    this.addSql(`
      create index "user_tokens_outstanding_index"
        on "identity"."user_tokens" ("user_id", "purpose") where "used_at" is null;`);
  }
}
