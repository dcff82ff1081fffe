import { Migration } from '@mikro-orm/migrations';

export class Migration20261202180000 extends Migration {
  override async up(): Promise<void> {
    // An invitation of a user who already has an account: a membership only once they accept.
    // Only the token's hash is kept, so that a read of this table opens no membership.
    this.addSql(`create table "tenancy"."invitations" (
      "id" uuid primary key,
      "company_id" uuid not null references "tenancy"."companies" ("id") on delete cascade,
      "user_id" uuid not null,
      "role" text not null,
      "account_ids" uuid[] not null default '{}',
      "token_hash" text not null,
      "created_at" timestamptz not null default now(),
      "expires_at" timestamptz not null,
      constraint "invitations_company_user_unique" unique ("company_id", "user_id")
    );`);
    this.addSql(`create unique index "invitations_token_hash_unique" on "tenancy"."invitations" ("token_hash");`);
    // The entries other companies get of an admin's act name no actor: see DisableSecondFactor.
    this.addSql(`alter table "tenancy"."audit_entries" alter column "actor_user_id" drop not null;`);
  }
}
