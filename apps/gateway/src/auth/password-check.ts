import { DomainError, ErrorCode, IdentityPatterns, RpcClient, UserView } from '@app/common';
import { Injectable } from '@nestjs/common';
import { LoginLimits } from './login-limits';

/**
 * Every check of a user's password, at sign-in (web and mobile) and inside a
 * session (changing it, turning 2FA off), counts against the same limits:
 * limits first, so no hash is spent past them, and a session in a stranger's
 * hands buys no more guesses than the sign-in form.
 */
@Injectable()
export class PasswordCheck {
  constructor(
    private readonly rpc: RpcClient,
    private readonly limits: LoginLimits,
  ) {}

  /** @throws DomainError invalid_credentials, rate_limited. */
  verify(ip: string, email: string, password: string): Promise<UserView> {
    return this.limited(ip, email, () => this.rpc.request(IdentityPatterns.verifyPassword, { email, password }));
  }

  /** Runs `check`, which answers invalid_credentials for a wrong password, within the limits. */
  async limited<T>(ip: string, email: string, check: () => Promise<T>): Promise<T> {
    await this.limits.admit(ip, email);
    try {
      return await check();
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.InvalidCredentials) await this.limits.recordFailure(email);
      throw error;
    }
  }
}
