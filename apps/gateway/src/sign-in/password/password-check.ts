import { DomainError, ErrorCode, IdentityPatterns, UserView } from '@app/contracts';
import { RpcClient } from '@app/platform';
import { Injectable } from '@nestjs/common';
import { AuthenticatedSession } from '../../session/session';
import { assertNotSparedByTrust } from '../../session/session.guard';
import { LoginLimits, SignedInPlace } from './login-limits';

/**
 * Every check of a user's password, at sign-in (web and mobile) and inside a
 * session (changing it, turning 2FA off), counts against the same limits:
 * limits first, so no hash is spent past them. Once the email is locked, a
 * session gets past the lock on a count of its own (LoginLimits): one in a
 * stranger's hands buys, while the lock lasts, as many guesses as the form
 * gave, no more.
 */
@Injectable()
export class PasswordCheck {
  constructor(
    private readonly rpc: RpcClient,
    private readonly limits: LoginLimits,
  ) {}

  /**
   * At sign-in. The attempt stays counted until the caller clears it, once the
   * sign-in may go on (a member of this portal, say).
   * @param signedInFrom the browser of a web sign-in, when the email's owner signed in with it before (the app has none: its devices unlock without the password)
   * @throws DomainError invalid_credentials, rate_limited.
   */
  async verify(ip: string, email: string, password: string, signedInFrom?: SignedInPlace): Promise<UserView> {
    await this.limits.admit(ip, email, true, signedInFrom);
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
    // A session is a place its owner signed in from: the lock on the email lets it by.
    await this.limits.admit(ip, email, false, async () => `session:${session.id}`);
    const answer = await this.checked(email, check);
    await this.limits.recordSuccess(email);
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
