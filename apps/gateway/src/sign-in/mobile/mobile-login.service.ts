import { MfaPatterns, TenancyPatterns, UserView, withFactor } from '@app/contracts';
import { RpcClient } from '@app/platform';
import { Injectable } from '@nestjs/common';
import { LoginLimits } from '../password/login-limits';
import { PasswordCheck } from '../password/password-check';
import { appStep } from '../flow';
import { checkSecondFactor, SecondFactorAnswer } from '../second-factor';
import { FirstFactor } from '../sign-in.service';
import type { MobileLoginAnswer } from '../../mobile/mobile.contract';
import { MobileLoginTokens } from './login-tokens';

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
  async afterCredentials(user: UserView, factor: FirstFactor): Promise<MobileLoginAnswer> {
    const factors = [factor];
    const [memberships, { enabled }] = await Promise.all([
      this.rpc.request(TenancyPatterns.listCompaniesOfUser, { userId: user.id }),
      this.rpc.request(MfaPatterns.factorStatus, { userId: user.id }),
      // A right password is what clears the email's count.
      this.limits.recordSuccess(user.email, factor),
    ]);
    const step = appStep({ memberships, totpEnabled: enabled, factors });
    if (step.next === 'refused') return this.limits.refuse(user.email);
    const { id: userId, credentialVersion } = user;
    return { loginToken: await this.tokens.issue({ userId, credentialVersion, next: step.next, factors }), next: step.next };
  }

  /** The same rules as the web: a code accepted once, 5 wrong answers end this sign-in. */
  async withSecondFactor(loginToken: string, answer: SecondFactorAnswer): Promise<MobileLoginAnswer> {
    const login = await this.tokens.peek(loginToken, 'totp');
    const passed = await checkSecondFactor(this.rpc, { userId: login.userId, signInId: login.id, answer }, () => this.tokens.discard(login));
    await this.tokens.consume(loginToken, 'totp');
    const { userId, credentialVersion } = login;
    const factors = withFactor(login.factors, passed);
    return { loginToken: await this.tokens.issue({ userId, credentialVersion, next: 'create_pin', factors }), next: 'create_pin' };
  }
}
