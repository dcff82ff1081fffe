import { REDIS, RedisClient, signInOutcomes } from '@app/platform';
import { Inject, Injectable, Logger } from '@nestjs/common';

/**
 * Accepts a time step only when it is newer than the last one accepted, and
 * records it with who claimed it, in one script: of requests racing on
 * several processes with the same code, exactly one gets through (RFC 6238
 * §5.2). The claimant that got a step gets it again: a sign-in whose answer
 * was lost (the gateway gave up) may send its code once more, while any
 * other sign-in is refused it.
 */
const CLAIM_STEP = `
local record = redis.call('GET', KEYS[1])
local step = tonumber(ARGV[1])
if record then
  local separator = string.find(record, ':', 1, true)
  local last = tonumber(separator and string.sub(record, 1, separator - 1) or record)
  local claimant = separator and string.sub(record, separator + 1) or ''
  if last == step and ARGV[3] ~= '' and claimant == ARGV[3] then return 1 end
  if last >= step then return 0 end
end
redis.call('SET', KEYS[1], ARGV[1] .. ':' .. ARGV[3], 'EX', ARGV[2])
return 1`;

/**
 * A code is accepted for 90 s at most (its step and one each side), so the
 * record may go after that; minutes leave room for clocks that disagree.
 */
const REMEMBER_SECONDS = 5 * 60;

@Injectable()
export class ReplayGuard {
  private readonly logger = new Logger(ReplayGuard.name);

  constructor(@Inject(REDIS) private readonly redis: RedisClient) {}

  /**
   * Keyed by factor rather than user: a new factor has a new secret, whose codes
   * owe nothing to steps accepted under the previous one.
   * @param claimant the sign-in that sends the code; none (enrolment) gets no second claim
   * @returns false, logged as a security event, for a code already used or older than the last one used.
   */
  async claim(factor: { id: string; userId: string }, step: number, claimant = ''): Promise<boolean> {
    const claimed = await this.redis.eval(CLAIM_STEP, 1, `mfa:totp-step:${factor.id}`, step, REMEMBER_SECONDS, claimant);
    if (claimed === 1) return true;
    this.logger.warn(`Security: refused a replayed TOTP code for user ${factor.userId}`);
    signInOutcomes.inc({ step: 'code', outcome: 'replay_refused' });
    return false;
  }
}
