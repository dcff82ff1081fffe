import { IdentityPatterns, ParsedRequestOf } from '@app/contracts';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { User } from '../users/user.entity';
import { SecurityAlerts } from './security-alerts';

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
  async execute({ userId, browser, sighting }: ParsedRequestOf<typeof IdentityPatterns.noteBrowser>): Promise<{ known: boolean }> {
    let alerted = false;
    const known = await this.em.fork().transactional(async (tx) => {
      // One statement for both questions: the count reads the rows as they were before this insert, which it leaves out anyway.
      const [{ added, others }] = await tx.execute<{ added: boolean; others: number }[]>(
        `with added as (insert into identity.known_browsers (user_id, browser) values (?, ?) on conflict do nothing returning browser)
         select exists (select 1 from added) as added,
                (select count(*)::int from identity.known_browsers where user_id = ? and browser <> ?) as others`,
        [userId, browser, userId, browser],
      );
      if (!added) return true;
      if (others > 0) {
        await this.alerts.record(tx, await tx.findOneOrFail(User, userId), { kind: 'new_sign_in', sighting });
        alerted = true;
      }
      return false;
    });
    if (alerted) this.alerts.sendSoon();
    return { known };
  }
}
