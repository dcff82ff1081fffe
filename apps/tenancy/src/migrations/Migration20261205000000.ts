import { Migration } from '@mikro-orm/migrations';

export class Migration20261205000000 extends Migration {
  override async up(): Promise<void> {
    // A request reaches the admins once the user confirms it from their mailbox: the password alone no longer lets a firm strip the code.
    // Requests open before this are unconfirmed: they stand no more, and the client asks again.
    this.addSql(`alter table "tenancy"."help_requests"
      add column "confirmation_digests" text[] not null default '{}', add column "confirmed_at" timestamptz;`);
    this.addSql('create index "help_requests_confirmation_digests_index" on "tenancy"."help_requests" using gin ("confirmation_digests");');
    // The admins' mails of those requests not sent yet would announce a request they can no longer act on.
    this.addSql(`delete from "tenancy"."mails" where "kind" = 'help-request';`);
  }
}
