import { DomainError, ErrorCode, MfaPatterns, ParsedRequestOf } from '@app/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, Logger } from '@nestjs/common';
import { AttemptLimits } from '../attempts/attempt-limits';
import { LockoutMail } from '../attempts/lockout.mail';
import { RecoveryCodeStore } from '../recovery-codes/recovery-code.store';
import { CodeOutcome, TotpCodeCheck } from './totp-code-check';
import { TotpFactor } from './totp-factor.entity';

export type SecondFactorAnswer = ParsedRequestOf<typeof MfaPatterns.verify>;
export type SecondFactorMethod = 'totp' | 'recovery_code';

@Injectable()
export class VerifySecondFactor {
  private readonly logger = new Logger(VerifySecondFactor.name);

  constructor(
    private readonly em: EntityManager,
    private readonly codeCheck: TotpCodeCheck,
    private readonly recoveryCodes: RecoveryCodeStore,
    private readonly limits: AttemptLimits,
    private readonly lockoutMail: LockoutMail,
  ) {}

  /**
   * @throws DomainError invalid_code with { attemptsLeft } (0: the sign-in must
   * start again), totp_locked with { retryAfterSeconds }
   */
  async execute(answer: SecondFactorAnswer): Promise<{ method: SecondFactorMethod }> {
    const { userId, signInId } = answer;
    await this.limits.assertMayAnswer(userId, signInId);
    const em = this.em.fork();
    const factor = await em.findOne(TotpFactor, { userId, state: 'active' });
    if (!factor) {
      // Nothing could ever be right, e.g. an admin turned 2FA off meanwhile: the sign-in starts again.
      throw new DomainError(ErrorCode.InvalidCode, 'Two-step verification is not on for this user.', {
        attemptsLeft: 0,
      });
    }
    const method: SecondFactorMethod = 'code' in answer ? 'totp' : 'recovery_code';
    const outcome =
      'code' in answer
        ? await this.checkCode(em, factor, answer.code)
        : await this.checkRecoveryCode(em, userId, answer.recoveryCode);
    if (outcome === 'replayed') throw await this.limits.uncountedRefusal(userId, signInId);
    if (outcome === 'wrong') throw await this.fail(userId, signInId);
    await this.limits.recordSuccess(userId, signInId);
    return { method };
  }

  private async checkCode(em: EntityManager, factor: TotpFactor, code: string): Promise<CodeOutcome> {
    const outcome = await this.codeCheck.check(factor, code);
    if (outcome === 'accepted' && this.codeCheck.resealIfStale(factor)) await em.flush();
    return outcome;
  }

  private async checkRecoveryCode(em: EntityManager, userId: string, typed: string): Promise<CodeOutcome> {
    return (await this.recoveryCodes.consume(em, userId, typed)) ? 'accepted' : 'wrong';
  }

  private async fail(userId: string, signInId: string): Promise<DomainError> {
    const failure = await this.limits.recordFailure(userId, signInId);
    if (failure.lockStarted) {
      this.logger.warn(`Security: locked the second factor of user ${userId} after repeated wrong answers`);
      // In the background: the answer must not wait on identity or the mail server.
      this.lockoutMail.send(userId);
    }
    return failure.error;
  }
}
