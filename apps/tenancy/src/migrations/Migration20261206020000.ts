import { Migration } from '@mikro-orm/migrations';

export class Migration20261206020000 extends Migration {
  override async up(): Promise<void> {
    // Each host's tag (tagOfHostName: the first 48 bits of its SHA-256, base64url), unique: the gateway binds sessions and
    // trusted browsers to it, and a firm that searched for a name with another host's tag would be served that host's.
    this.addSql(`alter table "tenancy"."company_hosts" add column "tag" text;`);
    this.addSql(
      `update "tenancy"."company_hosts"
         set "tag" = left(translate(encode(sha256(convert_to(lower(regexp_replace("host", '\\.$', '')), 'UTF8')), 'base64'), '+/', '-_'), 8);`,
    );
    this.addSql(`alter table "tenancy"."company_hosts" alter column "tag" set not null;`);
    this.addSql(`create unique index "company_hosts_tag_unique" on "tenancy"."company_hosts" ("tag");`);
    // The names a company's trail kept for people who left it (MemberSummaries), found without reading its whole trail.
    this.addSql(
      `create index "audit_entries_kept_names_index" on "tenancy"."audit_entries" ("company_id", "target_user_id", "at" desc, "id" desc)
         where "target_name" is not null;`,
    );
  }
}
