import { MfaEvents } from '@app/contracts';
import { AnnouncementRelay } from '@app/platform/service';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { AttemptLimits } from '../attempts/attempt-limits';
import { RecoveryCodeStore } from '../recovery-codes/recovery-code.store';
import { TotpFactor } from './totp-factor.entity';
import { FactorAlertMail } from '../alerts/factor-alert.mail';

@Injectable()
export class RemoveFactor {
  constructor(
    private readonly em: EntityManager,
    private readonly recoveryCodes: RecoveryCodeStore,
    private readonly limits: AttemptLimits,
    private readonly announcements: AnnouncementRelay,
    private readonly alerts: FactorAlertMail,
  ) {}

  /**
   * Removes the factor, any pending enrolment and the recovery codes together;
   * with `alert`, the user's security alert commits with them. With
   * `confirmedSince`, only a factor turned on since then: an older one stays,
   * with its codes, but for codes made since (replaced by whoever "this
   * wasn't me" reports), which go without others in their place: the user
   * makes new ones with the factor.
   * @returns removed: whether 2FA was on
   */
  async execute(userId: string, alert: boolean, confirmedSince?: Date): Promise<{ removed: boolean }> {
    const removedActive = await this.em.fork().transactional(async (em) => {
      const active = await em.nativeDelete(TotpFactor, { userId, state: 'active', ...(confirmedSince ? { confirmedAt: { $gte: confirmedSince } } : {}) });
      if (confirmedSince && active === 0) {
        // The older factor stays, but not codes made since: whoever replaced them holds them, and the user no longer does.
        await this.recoveryCodes.removeMadeSince(em, userId, confirmedSince);
        return false;
      }
      await em.nativeDelete(TotpFactor, { userId, state: 'pending' });
      await this.recoveryCodes.removeAll(em, userId);
      if (active > 0) await this.announcements.record(em, MfaEvents.factorChanged, { userId });
      if (active > 0 && alert) await this.alerts.record(em, { userId, kind: 'totp_disabled', at: Date.now() });
      return active > 0;
    });
    await this.limits.forget(userId);
    if (removedActive) this.announcements.sendSoon();
    if (removedActive && alert) this.alerts.sendSoon();
    return { removed: removedActive };
  }
}
