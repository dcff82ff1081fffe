import { Migration } from '@mikro-orm/migrations';

export class Migration20261204010000 extends Migration {
  override async up(): Promise<void> {
    // A company's shorter web sessions; null: the deployment's lifetimes (the gateway caps any value at those).
    this.addSql(`alter table "tenancy"."companies"
      add column "session_idle_minutes" int null constraint "companies_session_idle_minutes_check" check ("session_idle_minutes" > 0),
      add column "session_absolute_hours" int null constraint "companies_session_absolute_hours_check" check ("session_absolute_hours" > 0);`);
  }
}
