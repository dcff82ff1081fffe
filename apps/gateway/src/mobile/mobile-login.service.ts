import { DomainError, ErrorCode, MfaPatterns, RpcClient, TenancyPatterns, UserView, withFactor } from '@app/common';
import { Injectable } from '@nestjs/common';
import { LoginLimits } from '../auth/login-limits';
import { PasswordCheck } from '../auth/password-check';
import { MobileLoginStep, MobileLoginTokens } from './login-tokens';

export interface MobileLoginAnswer {
  loginToken: string;
  next: MobileLoginStep;
}

type SecondFactor = { code: string } | { recoveryCode: string };

/** The app's one-time sign-in: credentials, then the second factor when on, then a PIN is created. */
@Injectable()
export class MobileLoginService {
  constructor(
    private readonly rpc: RpcClient,
    private readonly passwords: PasswordCheck,
    private readonly tokens: MobileLoginTokens,
    private readonly limits: LoginLimits,
  ) {}

  async withPassword(ip: string, email: string, password: string): Promise<MobileLoginAnswer> {
    return this.afterCredentials(await this.passwords.verify(ip, email, password), 'password');
  }

  /** A user who belongs to no portal is refused like a wrong password: the answer does not tell. */
  async afterCredentials(user: UserView, factor: 'password' | 'google'): Promise<MobileLoginAnswer> {
    const [companies, { enabled }] = await Promise.all([
      this.rpc.request(TenancyPatterns.listCompaniesOfUser, { userId: user.id }),
      this.rpc.request(MfaPatterns.factorStatus, { userId: user.id }),
      // The credentials were right, which is what clears the email's count.
      this.limits.recordSuccess(user.email),
    ]);
    if (companies.length === 0) {
      await this.limits.recordFailure(user.email);
      throw new DomainError(ErrorCode.InvalidCredentials, 'The email or password is incorrect.');
    }
    const next: MobileLoginStep = enabled ? 'totp' : 'create_pin';
    const { id: userId, credentialVersion } = user;
    return { loginToken: await this.tokens.issue({ userId, credentialVersion, next, factors: [factor] }), next };
  }

  /** The same rules as the web: a code accepted once, 5 wrong answers end this sign-in. */
  async withSecondFactor(loginToken: string, answer: SecondFactor): Promise<MobileLoginAnswer> {
    const login = await this.tokens.peek(loginToken, 'totp');
    try {
      await this.rpc.request(MfaPatterns.verify, { userId: login.userId, signInId: login.id, ...answer });
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.InvalidCode && error.details?.attemptsLeft === 0) {
        await this.tokens.discard(login);
      }
      throw error;
    }
    await this.tokens.consume(loginToken, 'totp');
    const { userId, credentialVersion } = login;
    const factors = withFactor(login.factors, 'code' in answer ? 'totp' : 'recovery_code');
    return { loginToken: await this.tokens.issue({ userId, credentialVersion, next: 'create_pin', factors }), next: 'create_pin' };
  }
}
