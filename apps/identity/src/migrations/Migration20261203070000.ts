import { Migration } from '@mikro-orm/migrations';

export class Migration20261203070000 extends Migration {
  override async up(): Promise<void> {
    // One credential id once across hosts: the lookup at sign-in is by credential id and RP ID, and must find one row.
    this.addSql(`
      create table "identity"."passkeys" (
        "id" uuid primary key,
        "user_id" uuid not null references "identity"."users" ("id") on delete cascade,
        "rp_id" text not null,
        "credential_id" text not null,
        "public_key" text not null,
        "counter" bigint not null check ("counter" between 0 and 4294967295),
        "transports" text[] not null default '{}',
        "aaguid" uuid not null,
        "name" text not null,
        "backup_eligible" boolean not null,
        "backed_up" boolean not null,
        "created_at" timestamptz not null default now(),
        "last_used_at" timestamptz null,
        constraint "passkeys_credential_id_unique" unique ("credential_id")
      );`);
    this.addSql('create index "passkeys_user_id_rp_id_index" on "identity"."passkeys" ("user_id", "rp_id");');
  }
}
