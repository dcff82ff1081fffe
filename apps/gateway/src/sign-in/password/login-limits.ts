import { DomainError, ErrorCode } from '@app/contracts';
import { signInOutcomes } from '@app/platform';
import { Inject, Injectable } from '@nestjs/common';
import { GATEWAY_CONFIG, GatewayConfig } from '../../config';
import { Limit, RateLimiter } from '../../rate-limit/rate-limiter';
import { limitedAddress } from '../../rate-limit/limited-address';

/**
 * Password limits: per address, every attempt counts (each costs a hash); per
 * email, every attempt counts too, and a right password clears the count, so
 * that the count is the failures since the last success plus the attempts
 * under way: a victim's email cannot be guessed at from many addresses, not
 * even with all the guesses sent at once.
 *
 * Anyone who knows the email can lock it so. The lock therefore lets by the
 * places its owner signed in from (a browser that completed a sign-in as
 * them, a session of theirs): each gets past it on a count of its own, as
 * long as the email's and kept only while the lock lasts, so that a stolen
 * session or cookie buys as many guesses again as the form gave, no more.
 * Its success leaves the lock in place: it would otherwise hand the guesser
 * a fresh count at each of the owner's sign-ins.
 */
export type SignedInPlace = () => Promise<string | null>;

@Injectable()
export class LoginLimits {
  constructor(
    private readonly limiter: RateLimiter,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  /**
   * Both limits at once: sent together, they reach Redis as one pipeline.
   * @param signIn whether a refusal by the email's limit counts as a sign-in lockout in the metrics
   * @param signedInFrom names the place the attempt comes from when the email's owner signed in there; asked only once the email is locked
   * @throws DomainError rate_limited
   */
  async admit(ip: string, email: string, signIn: boolean, signedInFrom?: SignedInPlace): Promise<void> {
    await Promise.all([
      this.limiter.hit(this.perAddress(ip)),
      this.limiter.hit(this.perEmail(email)).catch(async (error: unknown) => {
        if (!(error instanceof DomainError && error.code === ErrorCode.RateLimited)) throw error;
        const place = signedInFrom && (await signedInFrom());
        if (place) return this.limiter.hit(this.perPlace(email, place));
        // The per-address limit answers the same 429: only here is it known to be the email's lockout.
        if (signIn) signInOutcomes.inc({ step: 'password', outcome: 'lockout' });
        throw error;
      }),
    ]);
  }

  /**
   * An attempt whose password could not be checked (a service or database out
   * of reach) is no guess: a user retrying through an outage is not locked out.
   * Best effort, as the attempt's own error is what the caller answers.
   */
  async giveBack(email: string): Promise<void> {
    await this.limiter.giveBack(this.perEmail(email)).catch(() => undefined);
  }

  /**
   * Right credentials that still let the user in nowhere here: counted as a
   * failure, and answered as a wrong password, so that nobody learns who is
   * a member where.
   * @throws DomainError invalid_credentials, always
   */
  async refuse(email: string): Promise<never> {
    await this.limiter.hit({ ...this.perEmail(email), max: Number.MAX_SAFE_INTEGER });
    throw new DomainError(ErrorCode.InvalidCredentials, 'The email or password is incorrect.');
  }

  /** Clears the email's failures, unless it is locked: the success of a place its owner signed in from must not lift the lock on the guesser. */
  async recordSuccess(email: string): Promise<void> {
    await this.limiter.resetUnlessOver(this.perEmail(email));
  }

  private perAddress(ip: string): Limit {
    return { key: `login-ip:${limitedAddress(ip)}`, max: this.config.LOGIN_ATTEMPTS_PER_IP_PER_MINUTE, windowSeconds: 60 };
  }

  private perEmail(email: string): Limit {
    return { key: `login-email:${email}`, max: this.config.LOGIN_FAILURES_PER_EMAIL, windowSeconds: 15 * 60 };
  }

  private perPlace(email: string, place: string): Limit {
    return { ...this.perEmail(email), key: `login-email:${email}:${place}` };
  }
}
