import { DomainError, ErrorCode, MfaPatterns, ParsedRequestOf } from '@app/contracts';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, Logger } from '@nestjs/common';
import { AnswerKind, AttemptLimits } from '../attempts/attempt-limits';
import { LockoutMail } from '../attempts/lockout.mail';
import { RecoveryCodeStore } from '../recovery-codes/recovery-code.store';
import { CodeOutcome, TotpCodeCheck } from './totp-code-check';
import { TotpFactor } from './totp-factor.entity';

export type SecondFactorAnswer = ParsedRequestOf<typeof MfaPatterns.verify>;
export type SecondFactorMethod = 'totp' | 'recovery_code';

interface FactorRow {
  id: string;
  ciphertext: Buffer;
  iv: Buffer;
  auth_tag: Buffer;
  key_id: string;
}

const ACTIVE_FACTOR = `select id, ciphertext, iv, auth_tag, key_id from mfa.totp_factors where user_id = ? and state = 'active'`;

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
   * start again), totp_locked with { retryAfterSeconds } and factor_locked (codes only: a recovery code still signs in)
   */
  async execute(answer: SecondFactorAnswer): Promise<{ method: SecondFactorMethod }> {
    const { userId, signInId } = answer;
    const method: SecondFactorMethod = 'code' in answer ? 'totp' : 'recovery_code';
    const kind = method === 'totp' ? 'code' : 'recovery_code';
    const counted = await this.limits.admit(userId, signInId, kind);
    const em = this.em.fork();
    let outcome: CodeOutcome | 'not_on';
    try {
      outcome =
        'code' in answer
          ? await this.checkCode(em, userId, signInId, answer.code)
          : await this.checkRecoveryCode(em, userId, answer.recoveryCode);
    } catch (error) {
      // An answer that could not be checked (the database out of reach) costs the user no attempt.
      if (!(error instanceof DomainError)) await this.limits.giveBack(userId, signInId, kind);
      throw error;
    }
    // Nothing could ever be right, e.g. an admin turned 2FA off meanwhile: the sign-in starts again. It costs no attempt
    // either: a password holder would otherwise fill her count, with no lock and no mail, until her first code setting one
    // up was refused unchecked.
    if (outcome === 'not_on') {
      await this.limits.giveBack(userId, signInId, kind);
      throw new DomainError(ErrorCode.InvalidCode, 'Two-factor authentication is not on for this user.', { attemptsLeft: 0 });
    }
    if (outcome === 'replayed') throw await this.limits.giveBack(userId, signInId);
    if (outcome === 'wrong') throw await this.fail(userId, signInId, counted, kind);
    await this.limits.recordSuccess(userId, signInId);
    return { method };
  }

  /** Every sign-in with 2FA reads this: plain SQL, as the ORM costs more than the query. */
  private async checkCode(em: EntityManager, userId: string, signInId: string, code: string): Promise<CodeOutcome | 'not_on'> {
    const [row] = await em.getConnection().execute<FactorRow[]>(ACTIVE_FACTOR, [userId]);
    if (!row) return 'not_on';
    const sealed = { ciphertext: row.ciphertext, iv: row.iv, authTag: row.auth_tag, keyId: row.key_id };
    const factor = { id: row.id, userId, sealed };
    const outcome = await this.codeCheck.check(factor, code, signInId);
    const resealed = outcome === 'accepted' ? this.codeCheck.resealedIfStale(factor) : null;
    if (resealed) await em.nativeUpdate(TotpFactor, { id: factor.id }, resealed);
    return outcome;
  }

  private async checkRecoveryCode(em: EntityManager, userId: string, typed: string): Promise<CodeOutcome> {
    return (await this.recoveryCodes.consume(em, userId, typed)) ? 'accepted' : 'wrong';
  }

  private async fail(userId: string, signInId: string, counted: number, kind: AnswerKind): Promise<DomainError> {
    const failure = await this.limits.recordFailure(userId, signInId, counted, kind);
    if (failure.lockStarted) {
      const { seconds } = failure.lockStarted;
      this.logger.warn(`Security: locked the second factor of user ${userId} ${seconds ? `for ${seconds} s` : 'until recovery'} after repeated wrong answers`);
      // The lock is in Redis, so the notice has a transaction of its own; the answer waits on neither identity nor the mail server.
      await this.lockoutMail.record(this.em.fork(), { userId, lock: seconds }).then(
        () => this.lockoutMail.sendSoon(),
        (error: Error) => this.logger.error(`The lockout notice of user ${userId} was not recorded: ${error.message}`),
      );
    }
    return failure.error;
  }
}
