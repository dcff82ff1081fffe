import { DomainError, ErrorCode, ProvenFactor } from '@app/contracts';
import { signInOutcomes } from '@app/platform';
import { Inject, Injectable } from '@nestjs/common';
import { GATEWAY_CONFIG, GatewayConfig } from '../../config';
import { Limit, RateLimiter } from '../../rate-limit/rate-limiter';
import { perAddressAndNetwork } from '../../rate-limit/limited-address';

/**
 * Password limits: per address, every attempt counts (each costs a hash); per
 * email, every attempt counts too, and a right password clears the count, so
 * that the count is the failures since the last success plus the attempts
 * under way: a victim's email cannot be guessed at from many addresses, not
 * even with all the guesses sent at once.
 *
 * Anyone who knows the email can lock it so. The lock therefore lets by the
 * places its owner signed in from: a browser that completed a sign-in as
 * them, a session of theirs. Those of one host share one count beside the
 * email's, as long as it, however many they are, as sessions and cookies can
 * be minted by whoever holds another way in (the app's PIN, Google, a
 * passkey). Each host has its own: a firm holds the cookies and sessions
 * sent to its host, and spending them there must not lock her out at the
 * others. A session spends the count at every attempt; a browser once past
 * the lock, as only then is it asked whether it is the owner's. No success
 * clears that count, which lasts its window: the owner's sign-ins must not
 * refill it for someone guessing from a copy of her cookie. Whoever holds
 * such a copy, or sessions, thus gets at most as many guesses again as the
 * form gives, per host. A right password clears the email's count unless it
 * is locked, as lifting the lock would hand the guesser a fresh count; a
 * sign-in another way clears nothing.
 */
export type Place = ({ kind: 'session' } | { kind: 'browser'; signedInHere: () => Promise<boolean> }) & {
  /** The host's tag ('app' for the app's tokens): each host its own count, as a firm holds the cookies and sessions of its own host. */
  host: string;
};

@Injectable()
export class LoginLimits {
  constructor(
    private readonly limiter: RateLimiter,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  /**
   * The limits at once, sent together: an IPv4 address's, the email's and the session's reach Redis as one
   * pipeline; an IPv6 address's /48 follows its /64, a round trip later (hitInTurn).
   * @param signIn whether a refusal by the email's limit counts as a sign-in lockout in the metrics
   * @param place where the attempt comes from, when that may be a place of the email's owner
   * @throws DomainError rate_limited
   */
  async admit(ip: string, email: string, signIn: boolean, place?: Place): Promise<void> {
    const [, locked] = await Promise.all([
      this.limiter.hitInTurn(this.perAddress(ip)),
      this.limiter.hit(this.perEmail(email)).then(
        () => null,
        (error: unknown) => {
          if (error instanceof DomainError && error.code === ErrorCode.RateLimited) return error;
          throw error;
        },
      ),
      place?.kind === 'session' && this.limiter.hit(this.ownersPlaces(email, place)),
    ]);
    if (!locked || place?.kind === 'session') return;
    if (place && (await place.signedInHere())) return this.limiter.hit(this.ownersPlaces(email, place));
    // The other limits answer the same 429: only here is it known to be the email's lockout.
    if (signIn) signInOutcomes.inc({ step: 'password', outcome: 'lockout' });
    throw locked;
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

  /**
   * After a right password: clears the email's failures, unless it is
   * locked, as the success of a place its owner signed in from must not lift
   * the lock on the guesser. A sign-in another way (Google, a passkey) clears
   * nothing: whoever holds one would otherwise wipe the count between rounds of guesses.
   */
  async recordSuccess(email: string, factor: ProvenFactor): Promise<void> {
    if (factor === 'password') await this.limiter.resetUnlessOver(this.perEmail(email));
  }

  private perAddress(ip: string): Limit[] {
    return perAddressAndNetwork('login', ip, this.config.LOGIN_ATTEMPTS_PER_IP_PER_MINUTE, 60);
  }

  private perEmail(email: string): Limit {
    return { key: `login-email:${email}`, max: this.config.LOGIN_FAILURES_PER_EMAIL, windowSeconds: 15 * 60 };
  }

  private ownersPlaces(email: string, { host }: Place): Limit {
    return { ...this.perEmail(email), key: `login-email-owner:${email}:${host}` };
  }
}
