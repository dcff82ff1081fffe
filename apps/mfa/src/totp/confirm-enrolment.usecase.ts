import { DomainError, ErrorCode, MfaEvents, MfaPatterns, ParsedRequestOf } from '@app/contracts';
import { AnnouncementRelay } from '@app/platform/service';
import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { AttemptLimits } from '../attempts/attempt-limits';
import { MFA_CONFIG, MfaConfig } from '../config';
import { RecoveryCodeStore } from '../recovery-codes/recovery-code.store';
import { CodeOutcome, TotpCodeCheck } from './totp-code-check';
import { TotpFactor } from './totp-factor.entity';

export type Confirmation = ParsedRequestOf<typeof MfaPatterns.confirmEnrolment>;

const nothingPending = () =>
  new DomainError(ErrorCode.InvalidCode, 'No two-factor authentication set-up is in progress.', { attemptsLeft: 0 });

const alreadyOn = () => new DomainError(ErrorCode.Conflict, 'Two-factor authentication is on: turn it off first, with your password.');

@Injectable()
export class ConfirmEnrolment {
  constructor(
    private readonly em: EntityManager,
    private readonly codeCheck: TotpCodeCheck,
    private readonly recoveryCodes: RecoveryCodeStore,
    private readonly announcements: AnnouncementRelay,
    private readonly limits: AttemptLimits,
    @Inject(MFA_CONFIG) private readonly config: MfaConfig,
  ) {}

  /**
   * The pending row stays locked until commit, so that of two confirmations
   * racing, the second finds nothing pending and fails cleanly. Each pending
   * enrolment is an attempt under the sign-in code's limits, and lives no
   * longer than a sign-in: a confirmation is no oracle to guess codes with.
   * @throws DomainError invalid_code for a wrong or replayed code, or no enrolment in progress (or an expired one);
   * conflict while a code is active; totp_locked as at sign-in
   * @returns the new recovery codes, to show once
   */
  async execute({ userId, code }: Confirmation): Promise<{ recoveryCodes: string[] }> {
    const recoveryCodes = await this.em.fork().transactional(async (em) => {
      const pending = await em.findOne(TotpFactor, { userId, state: 'pending' }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!pending || this.expired(pending)) throw nothingPending();
      // An active code is turned off first, where that is allowed and with the password: a set-up begun from a view read just
      // before she confirmed her own (a firm's host, racing her on the easy access host) must not replace hers.
      if ((await em.count(TotpFactor, { userId, state: 'active' })) > 0) throw alreadyOn();
      await this.confirmed(pending, code);
      pending.activate();
      await em.flush();
      await this.announcements.record(em, MfaEvents.factorChanged, { userId });
      return this.recoveryCodes.replace(em, userId);
    });
    this.announcements.sendSoon();
    return { recoveryCodes };
  }

  private expired(pending: TotpFactor): boolean {
    return Date.now() - pending.createdAt.getTime() > this.config.SIGN_IN_MINUTES * 60_000;
  }

  /** Counts the answer in the limits, checks it, and settles the count. */
  private async confirmed(pending: TotpFactor, code: string): Promise<void> {
    const { userId, id: attemptId } = pending;
    const counted = await this.limits.admit(userId, attemptId, 'enrolment');
    let outcome: CodeOutcome;
    try {
      outcome = await this.codeCheck.check({ id: pending.id, userId, sealed: pending.sealedSecret() }, code);
    } catch (error) {
      if (!(error instanceof DomainError)) await this.limits.giveBack(userId, attemptId);
      throw error;
    }
    if (outcome === 'replayed') throw await this.limits.giveBack(userId, attemptId);
    if (outcome === 'wrong') throw (await this.limits.recordFailure(userId, attemptId, counted, 'enrolment')).error;
    // The new factor starts with a clean slate, as after turning 2FA off.
    await this.limits.recordSuccess(userId, attemptId);
  }
}
