import { DomainError, ErrorCode, IdentityPatterns, Language } from '@app/contracts';
import { RpcClient } from '@app/platform';
import { Injectable, Logger } from '@nestjs/common';
import { RateLimiter } from '../rate-limit/rate-limiter';

/**
 * Reset mails per email per hour, whoever asks and from wherever: a reset
 * link must not become a way to flood one inbox from many addresses.
 */
const MAILS_PER_EMAIL_PER_HOUR = 3;

/** Forgot-password's work, done after the answer. */
@Injectable()
export class PasswordResetRequests {
  private readonly logger = new Logger('password-reset');

  constructor(
    private readonly rpc: RpcClient,
    private readonly limiter: RateLimiter,
  ) {}

  /**
   * Returns at once: the answer must not wait on anything that depends on
   * the email (identity's lookup and token write, the per-email count), or
   * its timing would tell which emails have an account.
   */
  requestLater(email: string, language: Language): void {
    this.request(email, language).catch((error: unknown) => {
      // Over the limit is silent by design: the asker already has the same 202.
      if (error instanceof DomainError && error.code === ErrorCode.RateLimited) return;
      this.logger.warn(`A password reset request was dropped: ${error instanceof Error ? error.message : String(error)}`);
    });
  }

  private async request(email: string, language: Language): Promise<void> {
    await this.limiter.hit({ key: `forgot-email:${email}`, max: MAILS_PER_EMAIL_PER_HOUR, windowSeconds: 3600 });
    await this.rpc.request(IdentityPatterns.forgotPassword, { email, language });
  }
}
