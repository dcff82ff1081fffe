import { Migration } from '@mikro-orm/migrations';

export class Migration20261126000000 extends Migration {
  override async up(): Promise<void> {
    // No foreign key to identity's users: a service never reaches into another's schema.
    this.addSql(`
      create table "mfa"."totp_factors" (
        "id" uuid primary key,
        "user_id" uuid not null,
        "state" text not null check ("state" in ('pending', 'active')),
        "ciphertext" bytea not null,
        "iv" bytea not null check (octet_length("iv") = 12),
        "auth_tag" bytea not null check (octet_length("auth_tag") = 16),
        "key_id" text not null,
        "created_at" timestamptz not null default now(),
        "confirmed_at" timestamptz null,
        constraint "totp_factors_user_id_state_unique" unique ("user_id", "state"),
        constraint "totp_factors_confirmed_when_active" check (("state" = 'active') = ("confirmed_at" is not null))
      );`);
    this.addSql(`
      create table "mfa"."recovery_codes" (
        "id" uuid primary key,
        "user_id" uuid not null,
        "code_hash" text not null,
        "used_at" timestamptz null,
        "created_at" timestamptz not null default now(),
        constraint "recovery_codes_code_hash_unique" unique ("code_hash")
      );`);
    this.addSql('create index "recovery_codes_user_id_index" on "mfa"."recovery_codes" ("user_id");');
  }
}
