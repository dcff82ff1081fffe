import { DomainError, ErrorCode, UserView } from '@app/contracts';
import { Injectable } from '@nestjs/common';
import { AuthGuard, PassportStrategy } from '@nestjs/passport';
import { FastifyRequest } from 'fastify';
import { Strategy } from 'passport-local';
import { KnownBrowsers } from '../../security-alerts/known-browsers';
import { hostTagOf } from '../../session/session-host';
import { LoginBody } from '../sign-in.contract';
import { PasswordCheck } from './password-check';

/** Passport's email and password sign-in for the web. */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(
    private readonly passwords: PasswordCheck,
    private readonly knownBrowsers: KnownBrowsers,
  ) {
    super({ usernameField: 'email', passwordField: 'password', passReqToCallback: true });
  }

  async validate(request: FastifyRequest): Promise<UserView> {
    const parsed = LoginBody.safeParse(request.body);
    if (!parsed.success) throw new DomainError(ErrorCode.ValidationFailed, 'Give an email address and a password.');
    const { email, password } = parsed.data;
    const browser = this.knownBrowsers.browserOf(request);
    const place = browser
      ? ({ kind: 'browser', host: hostTagOf(request), signedInHere: () => this.knownBrowsers.signedInWith(email, browser) } as const)
      : undefined;
    return this.passwords.verify(request.ip ?? 'unknown', email, password, place);
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
