import { Migration } from '@mikro-orm/migrations';

export class Migration20261206010000 extends Migration {
  override async up(): Promise<void> {
    // The name the company typed for the person an entry is about, kept with it: once an invitation is withdrawn the company
    // holds no name of its own for her, and identity's is the first firm's, which this one must not read.
    this.addSql(`alter table "tenancy"."audit_entries" add column "target_name" text;`);
  }
}
