import { Migration } from '@mikro-orm/migrations';

export class Migration20261204030000 extends Migration {
  override async up(): Promise<void> {
    // A change of the company's own settings or look is audited with no member as its target.
    this.addSql('alter table "tenancy"."audit_entries" alter column "target_user_id" drop not null;');
  }
}
