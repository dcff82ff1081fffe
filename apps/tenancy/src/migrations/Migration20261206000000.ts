import { Migration } from '@mikro-orm/migrations';

export class Migration20261206000000 extends Migration {
  override async up(): Promise<void> {
    // Each mailed link confirms the message mailed with it: a password holder who asked first no longer writes what her own link quotes.
    this.addSql(`alter table "tenancy"."help_requests" add column "confirmation_messages" text[] not null default '{}';`);
    // The links already mailed quoted the request's one message.
    this.addSql(`update "tenancy"."help_requests"
      set "confirmation_messages" = array_fill("message", array[cardinality("confirmation_digests")])
      where cardinality("confirmation_digests") > 0;`);
  }
}
