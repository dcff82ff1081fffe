import { Migration } from '@mikro-orm/migrations';

export class Migration20261204150000 extends Migration {
  override async up(): Promise<void> {
    // The credential version of the sign-in that asked: a new password since voids the request.
    this.addSql('alter table "tenancy"."help_requests" add column "credential_version" integer;');
    // A request that lapsed (too old, or a new password since) is closed by no admin; an open one still has none.
    this.addSql('alter table "tenancy"."help_requests" drop constraint "help_requests_closed_check";');
    this.addSql('alter table "tenancy"."help_requests" add constraint "help_requests_closed_check" check ("closed_at" is not null or "closed_by" is null);');
  }
}
