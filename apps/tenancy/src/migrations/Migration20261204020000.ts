import { Migration } from '@mikro-orm/migrations';

export class Migration20261204020000 extends Migration {
  override async up(): Promise<void> {
    // A company's look, apart from its row: the logo's bytes are read only when the logo itself is asked for.
    this.addSql(`create table "tenancy"."company_brandings" (
      "company_id" uuid not null primary key references "tenancy"."companies" ("id") on delete cascade,
      "accent_color" text null constraint "company_brandings_accent_color_check" check ("accent_color" ~ '^#[0-9a-f]{6}$'),
      "logo" bytea null constraint "company_brandings_logo_size_check" check (octet_length("logo") <= 102400),
      "logo_type" text null constraint "company_brandings_logo_type_check" check ("logo_type" in ('image/png', 'image/jpeg', 'image/webp')),
      "logo_digest" text null,
      constraint "company_brandings_logo_whole_check" check (("logo" is null) = ("logo_type" is null) and ("logo" is null) = ("logo_digest" is null))
    );`);
  }
}
