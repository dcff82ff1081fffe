import { Migration } from '@mikro-orm/migrations';

export class Migration20261205160000 extends Migration {
  override async up(): Promise<void> {
    // "This wasn't me" undoes a Google link made since the change it reports: the link keeps when it was made.
    this.addSql(`alter table "identity"."users" add column "google_linked_at" timestamptz null;`);
    // The Google account whose link was reported, never linked by email again.
    this.addSql(`alter table "identity"."users" add column "google_sub_refused" text null;`);
  }
}
