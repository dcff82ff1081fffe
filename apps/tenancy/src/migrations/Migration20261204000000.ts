import { Migration } from '@mikro-orm/migrations';

export class Migration20261204000000 extends Migration {
  override async up(): Promise<void> {
    // How long a browser trusted at the code step skips it: 0 turns the option off; the help page promises at most 30 days.
    this.addSql(`alter table "tenancy"."companies"
      add column "trusted_browser_days" int not null default 30
        constraint "companies_trusted_browser_days_check" check ("trusted_browser_days" between 0 and 30);`);
  }
}
