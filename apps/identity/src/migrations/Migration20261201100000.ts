import { Migration } from '@mikro-orm/migrations';

export class Migration20261201100000 extends Migration {
  override async up(): Promise<void> {
    // Users known before languages were stored get French, the portal's first language.
    this.addSql(`
      alter table "identity"."users"
        add column "language" text not null default 'fr' check ("language" in ('fr', 'en'));`);
  }
}
