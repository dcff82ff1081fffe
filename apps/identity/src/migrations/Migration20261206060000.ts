import { Migration } from '@mikro-orm/migrations';

export class Migration20261206060000 extends Migration {
  override async up(): Promise<void> {
    // An activation link is one firm's: activating through it accepts that firm's invitation only (no foreign key: companies live in tenancy).
    this.addSql(`alter table "identity"."user_tokens" add column "company_id" uuid null;`);
  }
}
