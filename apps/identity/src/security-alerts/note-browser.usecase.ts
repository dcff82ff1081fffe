import { IdentityPatterns, ParsedRequestOf } from '@app/contracts';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { User } from '../users/user.entity';
import { SecurityAlerts } from './security-alerts';

/**
 * Without a transaction, as most sign-ins need: a browser already known is
 * only seen again, and the user's first browser ever is added alone (no
 * alert). Another new browser, or one forgotten by "this wasn't me", is left
 * out, for the transaction that adds it with its alert. Forgotten browsers
 * still count as browsers: after her report, the intruder's next sign-in is
 * no "first browser ever".
 */
const KNOWN_OR_FIRST = `
  with seen as (
    update identity.known_browsers set last_seen_at = now()
    where user_id = ? and browser = ? and forgotten_at is null returning browser),
  first as (
    insert into identity.known_browsers (user_id, browser)
    select ?, ? where not exists (select 1 from identity.known_browsers where user_id = ?)
    on conflict do nothing returning browser)
  select exists (select 1 from seen) as known, exists (select 1 from first) as added`;

/** A browser known by its id of before ids named the host takes the new one: no alert when that changed. */
const RENAME = `
  update identity.known_browsers set browser = ?, last_seen_at = now()
  where user_id = ? and browser = ? and forgotten_at is null returning browser`;

const ADD_ANOTHER = `
  insert into identity.known_browsers (user_id, browser) values (?, ?)
  on conflict (user_id, browser) do update set forgotten_at = null, last_seen_at = now()
    where known_browsers.forgotten_at is not null
  returning browser`;

@Injectable()
export class NoteBrowser {
  constructor(
    private readonly em: EntityManager,
    private readonly alerts: SecurityAlerts,
  ) {}

  /**
   * Idempotent: a retried call finds the browser known and alerts nothing more.
   * The user's first browser ever (also their first sign-in since alerts
   * exist) is remembered without an alert: it is no news to them.
   */
  async execute({ userId, browser, formerly, sighting }: ParsedRequestOf<typeof IdentityPatterns.noteBrowser>): Promise<{ known: boolean }> {
    const connection = this.em.getConnection();
    const [{ known, added }] = await connection.execute<{ known: boolean; added: boolean }[]>(KNOWN_OR_FIRST, [userId, browser, userId, browser, userId]);
    if (known || added) return { known };
    if (formerly && (await connection.execute<{ browser: string }[]>(RENAME, [browser, userId, formerly])).length > 0) return { known: true };
    // The alert is recorded with the browser: both or neither.
    const alerted = await this.em.fork().transactional(async (tx) => {
      const [inserted] = await tx.execute<{ browser: string }[]>(ADD_ANOTHER, [userId, browser]);
      if (!inserted) return false;
      await this.alerts.record(tx, await tx.findOneOrFail(User, userId), { kind: 'new_sign_in', sighting });
      return true;
    });
    if (alerted) this.alerts.sendSoon();
    return { known: !alerted };
  }
}
