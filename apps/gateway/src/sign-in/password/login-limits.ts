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
 * them, a session of theirs). Each place has a count of its own, as long as
 * the email's, which its every attempt spends, locked or not: a stolen
 * session or copied cookie buys no more guesses than the form gives. A
 * place's success clears its own count, and the email's unless it is locked:
 * lifting the lock would hand the guesser a fresh count at each of the
 * owner's sign-ins.
 */
export interface Place {
  /** Names the place for its count: `browser:<digest>`, `session:<id>`. */
  name: string;
  /** Whether the email's owner signed in there: asked only once the email is locked. */
  ownersOwn: () => Promise<boolean>;
}

@Injectable()
export class LoginLimits {
  constructor(
    private readonly limiter: RateLimiter,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  /**
   * The limits at once: sent together, they reach Redis as one pipeline.
   * @param signIn whether a refusal by the email's limit counts as a sign-in lockout in the metrics
   * @param place where the attempt comes from, when that may be a place of the email's owner
   * @throws DomainError rate_limited
   */
  async admit(ip: string, email: string, signIn: boolean, place?: Place): Promise<void> {
    const [, locked] = await Promise.all([
      this.limiter.hit(this.perAddress(ip)),
      this.limiter.hit(this.perEmail(email)).then(
        () => null,
        (error: unknown) => {
          if (error instanceof DomainError && error.code === ErrorCode.RateLimited) return error;
          throw error;
        },
      ),
      place && this.limiter.hit(this.perPlace(email, place)),
    ]);
    if (!locked || (place && (await place.ownersOwn()))) return;
    // The other limits answer the same 429: only here is it known to be the email's lockout.
    if (signIn) signInOutcomes.inc({ step: 'password', outcome: 'lockout' });
    throw locked;
  }

  /**
   * An attempt whose password could not be checked (a service or database out
   * of reach) is no guess: a user retrying through an outage is not locked out.
   * Best effort, as the attempt's own error is what the caller answers.
   */
  async giveBack(email: string, place?: Place): Promise<void> {
    await Promise.all([
      this.limiter.giveBack(this.perEmail(email)).catch(() => undefined),
      place && this.limiter.giveBack(this.perPlace(email, place)).catch(() => undefined),
    ]);
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

  /** A right password from a place clears the place's own count. */
  async recordPlaceSuccess(email: string, place: Place): Promise<void> {
    await this.limiter.reset(this.perPlace(email, place));
  }

  private perAddress(ip: string): Limit {
    return { key: `login-ip:${limitedAddress(ip)}`, max: this.config.LOGIN_ATTEMPTS_PER_IP_PER_MINUTE, windowSeconds: 60 };
  }

  private perEmail(email: string): Limit {
    return { key: `login-email:${email}`, max: this.config.LOGIN_FAILURES_PER_EMAIL, windowSeconds: 15 * 60 };
  }

  private perPlace(email: string, place: Place): Limit {
    return { ...this.perEmail(email), key: `login-email:${email}:${place.name}` };
  }
}
