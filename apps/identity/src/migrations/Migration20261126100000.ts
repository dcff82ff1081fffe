import { Migration } from '@mikro-orm/migrations';

export class Migration20261126100000 extends Migration {
  override async up(): Promise<void> {
    // No foreign key on last_company_id: companies live in tenancy's schema.
    this.addSql(`
      create table "identity"."devices" (
        "id" uuid primary key,
        "user_id" uuid not null references "identity"."users" ("id") on delete cascade,
        "name" text not null,
        "platform" text not null check ("platform" in ('ios', 'android')),
        "secret_hash" text not null,
        "pin_verifier" text not null,
        "public_key" text null,
        "credential_version" integer not null check ("credential_version" >= 1),
        "failed_pins" integer not null default 0 check ("failed_pins" between 0 and 5),
        "last_company_id" uuid null,
        "created_at" timestamptz not null default now(),
        "last_used_at" timestamptz not null default now(),
        "revoked_at" timestamptz null,
        constraint "devices_secret_hash_unique" unique ("secret_hash")
      );`);
    this.addSql('create index "devices_user_id_index" on "identity"."devices" ("user_id");');
  }
}
