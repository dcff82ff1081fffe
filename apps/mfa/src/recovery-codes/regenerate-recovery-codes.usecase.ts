import { DomainError, ErrorCode, MfaEvents } from '@app/contracts';
import { AnnouncementRelay } from '@app/platform/service';
import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { TotpFactor } from '../totp/totp-factor.entity';
import { RecoveryCodeStore } from './recovery-code.store';
import { FactorAlertMail } from '../alerts/factor-alert.mail';

@Injectable()
export class RegenerateRecoveryCodes {
  constructor(
    private readonly em: EntityManager,
    private readonly recoveryCodes: RecoveryCodeStore,
    private readonly alerts: FactorAlertMail,
    private readonly announcements: AnnouncementRelay,
  ) {}

  /**
   * Ten new codes replace all the old ones, used or not, in one transaction
   * that holds the factor's row (a removal of 2FA racing it leaves no codes
   * behind) and records the user's security alert.
   * @throws DomainError conflict when 2FA is off
   * @returns the new codes, to show once
   */
  async execute(userId: string): Promise<{ recoveryCodes: string[] }> {
    const recoveryCodes = await this.em.fork().transactional(async (em) => {
      const active = await em.findOne(TotpFactor, { userId, state: 'active' }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!active) throw new DomainError(ErrorCode.Conflict, 'Two-factor authentication is off: there are no recovery codes to replace.');
      await this.alerts.record(em, { userId, kind: 'recovery_codes_regenerated', at: Date.now() });
      // A factor changed: the trusted browsers end, whichever gateway hears it.
      await this.announcements.record(em, MfaEvents.factorChanged, { userId });
      return this.recoveryCodes.replace(em, userId);
    });
    this.alerts.sendSoon();
    this.announcements.sendSoon();
    return { recoveryCodes };
  }
}
