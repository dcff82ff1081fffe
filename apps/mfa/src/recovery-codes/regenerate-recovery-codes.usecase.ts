import { DomainError, ErrorCode } from '@app/contracts';
import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { TotpFactor } from '../totp/totp-factor.entity';
import { RecoveryCodeStore } from './recovery-code.store';

@Injectable()
export class RegenerateRecoveryCodes {
  constructor(
    private readonly em: EntityManager,
    private readonly recoveryCodes: RecoveryCodeStore,
  ) {}

  /**
   * Ten new codes replace all the old ones, used or not, in one transaction
   * that holds the factor's row: a removal of 2FA racing it leaves no codes behind.
   * @throws DomainError conflict when 2FA is off
   * @returns the new codes, to show once
   */
  async execute(userId: string): Promise<{ recoveryCodes: string[] }> {
    const recoveryCodes = await this.em.fork().transactional(async (em) => {
      const active = await em.findOne(TotpFactor, { userId, state: 'active' }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!active) throw new DomainError(ErrorCode.Conflict, 'Two-factor authentication is off: there are no recovery codes to replace.');
      return this.recoveryCodes.replace(em, userId);
    });
    return { recoveryCodes };
  }
}
