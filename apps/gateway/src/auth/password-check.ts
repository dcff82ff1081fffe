import { DomainError, ErrorCode, IdentityPatterns, RpcClient, UserView } from '@app/common';
import { Injectable } from '@nestjs/common';
import { LoginLimits } from './login-limits';

/** Email and password, for the web and the mobile app alike: limits first, so no hash is spent past them. */
@Injectable()
export class PasswordCheck {
  constructor(
    private readonly rpc: RpcClient,
    private readonly limits: LoginLimits,
  ) {}

  /** @throws DomainError invalid_credentials, rate_limited. */
  async verify(ip: string, email: string, password: string): Promise<UserView> {
    await this.limits.admit(ip, email);
    try {
      return await this.rpc.request(IdentityPatterns.verifyPassword, { email, password });
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.InvalidCredentials) await this.limits.recordFailure(email);
      throw error;
    }
  }
}
