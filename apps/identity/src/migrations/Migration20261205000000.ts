import { Migration } from '@mikro-orm/migrations';

export class Migration20261205000000 extends Migration {
  override async up(): Promise<void> {
    // "This wasn't me" undoes the factors added since the change it reports: the link keeps when that was.
    this.addSql(`alter table "identity"."user_tokens" add column "changed_at" timestamptz null;`);
    // A link mailed before was issued with its change, in the same transaction, or when its mail was written.
    this.addSql(`update "identity"."user_tokens" set "changed_at" = "created_at" where "purpose" = 'not_me';`);
  }
}
