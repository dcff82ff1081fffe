import { Migration } from '@mikro-orm/migrations';

export class Migration20261206000000 extends Migration {
  override async up(): Promise<void> {
    // Each mailed link confirms the message mailed with it, kept under the link's digest: a password holder who asked first
    // no longer writes what her own link quotes. A digest with no entry (a link mailed before) confirms the request's message.
    this.addSql(`alter table "tenancy"."help_requests" add column "confirmation_messages" jsonb not null default '{}';`);
  }
}
