import { Migration } from '@mikro-orm/migrations';

export class Migration20261125000000 extends Migration {
  override async up(): Promise<void> {
    this.addSql('create schema if not exists "tenancy";');
    this.addSql(`create table "tenancy"."companies" (
      "id" uuid primary key,
      "name" text not null,
      "require_totp" boolean not null default false,
      "created_at" timestamptz not null default now()
    );`);
    this.addSql(`create table "tenancy"."company_hosts" (
      "host" text primary key,
      "company_id" uuid not null references "tenancy"."companies" ("id") on delete cascade,
      "position" int not null,
      constraint "company_hosts_company_id_position_unique" unique ("company_id", "position")
    );`);
    this.addSql(`create table "tenancy"."accounts" (
      "id" uuid primary key,
      "company_id" uuid not null references "tenancy"."companies" ("id") on delete cascade,
      "name" text not null,
      "created_at" timestamptz not null default now()
    );`);
    this.addSql('create index "accounts_company_id_index" on "tenancy"."accounts" ("company_id");');
    // user_id has no foreign key: users live in identity's schema, which this service never reads.
    this.addSql(`create table "tenancy"."memberships" (
      "id" uuid primary key,
      "company_id" uuid not null references "tenancy"."companies" ("id") on delete cascade,
      "user_id" uuid not null,
      "role" text not null,
      "created_at" timestamptz not null default now(),
      constraint "memberships_role_check" check ("role" in ('client', 'admin')),
      constraint "memberships_company_id_user_id_unique" unique ("company_id", "user_id")
    );`);
    this.addSql('create index "memberships_user_id_index" on "tenancy"."memberships" ("user_id");');
    this.addSql(`create table "tenancy"."account_accesses" (
      "membership_id" uuid not null references "tenancy"."memberships" ("id") on delete cascade,
      "account_id" uuid not null references "tenancy"."accounts" ("id") on delete cascade,
      primary key ("membership_id", "account_id")
    );`);
    this.addSql('create index "account_accesses_account_id_index" on "tenancy"."account_accesses" ("account_id");');
  }
}
