import { Migration } from '@mikro-orm/migrations';

export class Migration20261206000000 extends Migration {
  override async up(): Promise<void> {
    // Wrong PINs are also counted over a month that a right PIN does not reset (MAX_WRONG_PINS_A_MONTH).
    this.addSql(`alter table "identity"."devices" add column "recent_wrong_pins" int not null default 0, add column "recent_wrong_pins_since" timestamptz null;`);
  }
}
