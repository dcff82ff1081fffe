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
      const added = await tx.execute<{ browser: string }[]>(
        'insert into identity.known_browsers (user_id, browser) values (?, ?) on conflict do nothing returning browser',
        [userId, browser],
      );
      if (added.length === 0) return true;
      const [{ others }] = await tx.execute<{ others: number }[]>(
        'select count(*)::int as others from identity.known_browsers where user_id = ? and browser <> ?',
        [userId, browser],
      );
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
