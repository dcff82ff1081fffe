import { Migration } from '@mikro-orm/migrations';

export class Migration20261126000000 extends Migration {
  override async up(): Promise<void> {
    // user_id and closed_by have no foreign key: users live in identity's schema.
    this.addSql(`create table "tenancy"."help_requests" (
      "id" uuid primary key,
      "company_id" uuid not null references "tenancy"."companies" ("id") on delete cascade,
      "user_id" uuid not null,
      "message" text null,
      "created_at" timestamptz not null default now(),
      "closed_at" timestamptz null,
      "closed_by" uuid null,
      constraint "help_requests_closed_check" check (("closed_at" is null) = ("closed_by" is null))
    );`);
    // The one arbiter of "at most one open request per user and company", also when requests race.
    this.addSql(`create unique index "help_requests_open_unique"
      on "tenancy"."help_requests" ("company_id", "user_id") where "closed_at" is null;`);
    this.addSql(`create table "tenancy"."audit_entries" (
      "id" uuid primary key,
      "company_id" uuid not null references "tenancy"."companies" ("id") on delete cascade,
      "at" timestamptz not null default now(),
      "actor_user_id" uuid not null,
      "action" text not null,
      "target_user_id" uuid not null,
      "reason" text null
    );`);
    this.addSql(`create index "audit_entries_company_id_at_index"
      on "tenancy"."audit_entries" ("company_id", "at" desc);`);
  }
}
