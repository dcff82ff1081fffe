import { signInOutcomes } from '@app/common';
import { Injectable, Inject } from '@nestjs/common';
import { GATEWAY_CONFIG, GatewayConfig } from '../config';
import { Limit, RateLimiter } from '../rate-limit/rate-limiter';

/**
 * Password sign-in limits: per address, every attempt counts (each costs a
 * hash); per email, failures count, so a victim's email cannot be guessed at
 * from many addresses, and a success clears them.
 */
@Injectable()
export class LoginLimits {
  constructor(
    private readonly limiter: RateLimiter,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  /** Both limits at once: sent together, they reach Redis as one pipeline. */
  async admit(ip: string, email: string): Promise<void> {
    await Promise.all([
      this.limiter.hit(this.perAddress(ip)),
      this.limiter.check(this.perEmail(email)).catch((error: unknown) => {
        // The per-address limit answers the same 429: only here is it known to be the email's lockout.
        signInOutcomes.inc({ step: 'password', outcome: 'lockout' });
        throw error;
      }),
    ]);
  }

  async recordFailure(email: string): Promise<void> {
    await this.limiter.hit({ ...this.perEmail(email), max: Number.MAX_SAFE_INTEGER });
  }

  async recordSuccess(email: string): Promise<void> {
    await this.limiter.reset(this.perEmail(email));
  }

  private perAddress(ip: string): Limit {
    return { key: `login-ip:${ip}`, max: this.config.LOGIN_ATTEMPTS_PER_IP_PER_MINUTE, windowSeconds: 60 };
  }

  private perEmail(email: string): Limit {
    return { key: `login-email:${email}`, max: this.config.LOGIN_FAILURES_PER_EMAIL, windowSeconds: 15 * 60 };
  }
}
