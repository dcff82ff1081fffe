import { DomainError, ErrorCode, IdentityPatterns, RpcClient, UserView } from '@app/common';
import { Injectable } from '@nestjs/common';
import { AuthGuard, PassportStrategy } from '@nestjs/passport';
import { Request } from 'express';
import { Strategy } from 'passport-local';
import { LoginBody } from './auth.bodies';
import { LoginLimits } from './login-limits';

/** Email and password, checked by identity; limits are applied before any hash is spent. */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(
    private readonly rpc: RpcClient,
    private readonly limits: LoginLimits,
  ) {
    super({ usernameField: 'email', passwordField: 'password', passReqToCallback: true });
  }

  async validate(request: Request): Promise<UserView> {
    const parsed = LoginBody.safeParse(request.body);
    if (!parsed.success) throw new DomainError(ErrorCode.ValidationFailed, 'Give an email address and a password.');
    const { email, password } = parsed.data;
    await this.limits.admit(request.ip ?? 'unknown', email);
    try {
      return await this.rpc.request(IdentityPatterns.verifyPassword, { email, password });
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.InvalidCredentials) await this.limits.recordFailure(email);
      throw error;
    }
  }
}

/** Passport answers a missing field as a failed sign-in; the API calls it bad input. */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  override handleRequest<User>(error: unknown, user: User | false): User {
    if (error) throw error;
    if (!user) throw new DomainError(ErrorCode.ValidationFailed, 'Give an email address and a password.');
    return user;
  }
}
