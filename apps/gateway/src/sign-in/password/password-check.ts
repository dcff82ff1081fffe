import { DomainError, ErrorCode, IdentityPatterns, UserView } from '@app/contracts';
import { RpcClient } from '@app/platform';
import { Injectable } from '@nestjs/common';
import { AuthenticatedSession } from '../../session/session';
import { assertNotSparedByTrust } from '../../session/session.guard';
import { LoginLimits, Place } from './login-limits';

/**
 * Every check of a user's password, at sign-in (web and mobile) and inside a
 * session (changing it, turning 2FA off), counts against the same limits:
 * limits first, so no hash is spent past them. A session is a place of its
 * owner (LoginLimits): it gets past a lock on the email, on the count its
 * owner's places on its host share.
 */
@Injectable()
export class PasswordCheck {
  constructor(
    private readonly rpc: RpcClient,
    private readonly limits: LoginLimits,
  ) {}

  /**
   * At sign-in. The attempt stays counted until the caller clears it, once
   * the sign-in may go on (a member of this portal, say).
   * @param place the browser of a web sign-in, when it has a cookie (the app has none: its devices unlock without the password)
   * @throws DomainError invalid_credentials, rate_limited.
   */
  async verify(ip: string, email: string, password: string, place?: Place): Promise<UserView> {
    await this.limits.admit(ip, email, true, place);
    return this.checked(email, () => this.rpc.request(IdentityPatterns.verifyPassword, { email, password }));
  }

  /**
   * Inside a session: runs `check`, which answers invalid_credentials for a
   * wrong password; a right one clears the count. The password is never proof
   * enough in a session a trusted browser spared the code: that sign-in had
   * the password already, and whoever holds it with a copy of the browser's
   * cookie would change it, turn 2FA off or remove a passkey. Checked here, so
   * that no route taking the password forgets it.
   * @throws DomainError reauthentication_required (`needs: second_factor`), invalid_credentials, rate_limited.
   */
  async inSession<T>(session: AuthenticatedSession, ip: string, email: string, check: () => Promise<T>): Promise<T> {
    assertNotSparedByTrust(session.record);
    await this.limits.admit(ip, email, false, { kind: 'session', host: session.record.hostTag ?? 'app' });
    const answer = await this.checked(email, check);
    await this.limits.recordSuccess(email, 'password');
    return answer;
  }

  /** A wrong password stays counted; any other failure (an outage, bad input) gives the attempt back. */
  private async checked<T>(email: string, check: () => Promise<T>): Promise<T> {
    try {
      return await check();
    } catch (error) {
      if (!(error instanceof DomainError && error.code === ErrorCode.InvalidCredentials)) await this.limits.giveBack(email);
      throw error;
    }
  }
}
