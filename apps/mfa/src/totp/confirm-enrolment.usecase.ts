import { AnnouncementRelay, DomainError, ErrorCode, MfaEvents, MfaPatterns, ParsedRequestOf } from '@app/common';
import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { RecoveryCodeStore } from '../recovery-codes/recovery-code.store';
import { TotpCodeCheck } from './totp-code-check';
import { TotpFactor } from './totp-factor.entity';

export type Confirmation = ParsedRequestOf<typeof MfaPatterns.confirmEnrolment>;

@Injectable()
export class ConfirmEnrolment {
  constructor(
    private readonly em: EntityManager,
    private readonly codeCheck: TotpCodeCheck,
    private readonly recoveryCodes: RecoveryCodeStore,
    private readonly announcements: AnnouncementRelay,
  ) {}

  /**
   * The pending row stays locked until commit, so that of two confirmations
   * racing, the second finds nothing pending and fails cleanly.
   * @throws DomainError invalid_code for a wrong or replayed code, or no enrolment in progress
   * @returns the new recovery codes, to show once
   */
  async execute({ userId, code }: Confirmation): Promise<{ recoveryCodes: string[] }> {
    const recoveryCodes = await this.em.fork().transactional(async (em) => {
      const pending = await em.findOne(
        TotpFactor,
        { userId, state: 'pending' },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      if (!pending) throw new DomainError(ErrorCode.InvalidCode, 'No two-factor authentication set-up is in progress.');
      if ((await this.codeCheck.check({ id: pending.id, userId, sealed: pending.sealedSecret() }, code)) !== 'accepted') {
        throw new DomainError(ErrorCode.InvalidCode, 'This code is not valid.');
      }
      await em.nativeDelete(TotpFactor, { userId, state: 'active' });
      pending.activate();
      await em.flush();
      await this.announcements.record(em, MfaEvents.factorChanged, { userId });
      return this.recoveryCodes.replace(em, userId);
    });
    this.announcements.sendSoon();
    return { recoveryCodes };
  }
}
