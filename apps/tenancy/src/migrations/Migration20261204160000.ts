import { Migration } from '@mikro-orm/migrations';

export class Migration20261204160000 extends Migration {
  override async up(): Promise<void> {
    // The name the company gave when it added or invited the user: what its lists show, never a name another firm typed.
    this.addSql('alter table "tenancy"."memberships" add column "invited_name" text;');
    this.addSql('alter table "tenancy"."invitations" add column "invited_name" text;');
  }
}
