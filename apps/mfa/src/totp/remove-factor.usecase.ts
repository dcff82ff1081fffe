import { MfaEvents, RpcClient } from '@app/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { AttemptLimits } from '../attempts/attempt-limits';
import { RecoveryCodeStore } from '../recovery-codes/recovery-code.store';
import { TotpFactor } from './totp-factor.entity';

@Injectable()
export class RemoveFactor {
  constructor(
    private readonly em: EntityManager,
    private readonly recoveryCodes: RecoveryCodeStore,
    private readonly limits: AttemptLimits,
    private readonly rpc: RpcClient,
  ) {}

  /**
   * Removes the factor, any pending enrolment and the recovery codes together.
   * @returns removed: whether 2FA was on
   */
  async execute(userId: string): Promise<{ removed: boolean }> {
    const removedActive = await this.em.fork().transactional(async (em) => {
      const active = await em.nativeDelete(TotpFactor, { userId, state: 'active' });
      await em.nativeDelete(TotpFactor, { userId, state: 'pending' });
      await this.recoveryCodes.removeAll(em, userId);
      return active > 0;
    });
    await this.limits.forget(userId);
    if (removedActive) this.rpc.emit(MfaEvents.factorChanged, { userId });
    return { removed: removedActive };
  }
}
