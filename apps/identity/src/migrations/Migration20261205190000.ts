import { Migration } from '@mikro-orm/migrations';

export class Migration20261205190000 extends Migration {
  override async up(): Promise<void> {
    // A browser that signed in lately is let by the lock a stranger's guesses put on the email: each browser keeps when it was last noted.
    this.addSql(`alter table "identity"."known_browsers" add column "last_seen_at" timestamptz null;`);
    // What is known of the browsers noted before: a browser of long ago must not pass for one of lately.
    this.addSql(`update "identity"."known_browsers" set "last_seen_at" = "first_seen_at";`);
    this.addSql(`alter table "identity"."known_browsers" alter column "last_seen_at" set not null, alter column "last_seen_at" set default now();`);
    // "This wasn't me" makes every browser of the user a stranger to the alerts, kept so that she is still known to have some.
    this.addSql(`alter table "identity"."known_browsers" add column "forgotten_at" timestamptz null;`);
  }
}
