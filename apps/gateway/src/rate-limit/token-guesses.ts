import { perAddressAndNetwork } from './limited-address';
import { Limit, RateLimiter } from './rate-limiter';

/** Wrong tokens from one address in 15 minutes: the operator's scripts and Prometheus send the right one. */
const WRONG_TOKENS_PER_ADDRESS = 10;

/**
 * A bearer token that every host accepts (the operator's, the metrics'):
 * wrong tokens are counted per address (and per IPv6 /48:
 * perAddressAndNetwork), a wrong one counted and refused past the limit in
 * one step (`hit`). A right one is not counted, so the
 * operator's own requests sent at once are not held up, but it waits past
 * the limit too: else the guesser would know it by its answer. The token is
 * compared before the count is read: read first, the count a right token
 * met in a burst of wrong ones did not hold them yet, and it was answered.
 * @returns whether the token is right
 * @throws DomainError rate_limited past the limit, right token or not
 */
export async function countedGuess(limiter: RateLimiter, token: 'operator' | 'metrics', address: string, right: boolean): Promise<boolean> {
  const guesses: Limit[] = perAddressAndNetwork(`${token}-token`, address, WRONG_TOKENS_PER_ADDRESS, 15 * 60);
  for (const limit of guesses) {
    if (right) await limiter.assertUnder(limit);
    else await limiter.hit(limit);
  }
  return right;
}
