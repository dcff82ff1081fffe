import { DomainError, ErrorCode, IdentityPatterns, MfaPatterns, SecondFactorHelpPatterns } from '@app/contracts';
import { REDIS, RpcClient } from '@app/platform';
import { Controller, HttpCode, Inject, Logger, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { FastifyRequest } from 'fastify';
import Redis from 'ioredis';
import { z } from 'zod';
import { GATEWAY_CONFIG, GatewayConfig } from '../config';
import { JsonBody } from '../http/json-body.decorator';
import { RateLimiter } from '../rate-limit/rate-limiter';
import { RedisKeys } from '../session/redis-keys';
import { SessionStore } from '../session/session.store';
import { TrustedBrowserStore } from '../trusted-browsers/trusted-browser.store';
import { digestOf } from '../digest';

/** In a body, never in a query string that access logs would keep. */
const NotMeBody = z.object({ token: z.string().min(1).max(200) });

/** Tokens are 32 random bytes: the limit only caps wasted work, as for the link checks. */
const REPORTS_PER_IP_PER_HOUR = 60;
/** A report makes seven service calls at most, the first retried twice: the claim outlives them all at their timeout. */
const claimSecondsOf = (rpcTimeoutMs: number) => Math.max(60, Math.ceil((10 * rpcTimeoutMs) / 1000));
/** What a second click waits before trying again, when the first one's report has not ended. */
const REPORT_RETRY_SECONDS = 5;

const logger = new Logger('security-alerts');

@ApiTags('security-alerts')
@Controller('api/auth/not-me')
export class NotMeController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly sessions: SessionStore,
    private readonly trustedBrowsers: TrustedBrowserStore,
    private readonly limiter: RateLimiter,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  /**
   * The portal posts it from the page of the link, on the user's click: a
   * mail scanner that opens links (a GET) ends nothing. Audited first, so
   * that an act that ended everything is never missing from the companies'
   * trails; the link is spent by identity, once, after that. While a report
   * of the link is under way, another (a double click) is answered 409 with
   * Retry-After, so that the trails hold one entry; the claim ends with the
   * report (or, if its gateway died, when it expires).
   */
  @Post()
  @HttpCode(204)
  @ApiOperation({
    summary:
      '"This wasn\'t me", from the link under a security alert (single use, 7 days): the password signs in no more, every session and mobile device of the user ends, ' +
      'every trusted and known browser is forgotten, the passkeys, the 2FA code factor, the recovery codes and a Google account linked since the change the alert told of ' +
      '(or up to a minute before it) are removed (that Google account is never linked by its email again), ' +
      'a password reset link is mailed to choose a new password, and each company the user belongs to sees it in its audit trail',
  })
  @ApiResponse({ status: 204, description: 'Done: the reset link is on its way' })
  @ApiResponse({ status: 400, description: 'validation_failed: no token; invalid_token: unknown, already used or expired (the same answer for each)' })
  @ApiResponse({ status: 409, description: 'conflict, with Retry-After: a report of this link is under way (a double click); the first one answers' })
  @ApiResponse({ status: 429, description: `rate_limited: ${REPORTS_PER_IP_PER_HOUR} per client address per hour` })
  async report(@JsonBody(NotMeBody) { token }: z.output<typeof NotMeBody>, @Req() request: FastifyRequest): Promise<void> {
    await this.limiter.hitPerAddress('not-me', request.ip, REPORTS_PER_IP_PER_HOUR, 3600);
    const claim = RedisKeys.notMeReport(digestOf(token));
    if (!(await this.redis.set(claim, '1', 'EX', claimSecondsOf(this.config.RPC_TIMEOUT_MS), 'NX'))) {
      throw new DomainError(ErrorCode.Conflict, 'This link is being reported: try again in a moment.', { retryAfterSeconds: REPORT_RETRY_SECONDS });
    }
    try {
      const { userId, undoSince } = await this.rpc.request(IdentityPatterns.peekNotMe, { token });
      await this.rpc.request(SecondFactorHelpPatterns.auditNotMe, { userId });
      // Before the link is spent, as the audit: a code only the intruder holds would lock the user out at the next sign-in.
      await this.rpc.request(MfaPatterns.removeFactor, { userId, confirmedSince: undoSince });
      const { credentialVersion } = await this.rpc.request(IdentityPatterns.reportNotMe, { token });
      // Not left to identity's announcement alone: the intruder is out by the time the user sees 204.
      await Promise.all([this.sessions.revokeCredentials(userId, credentialVersion), this.trustedBrowsers.removeAll(userId)]);
      // Again, now that his sessions are over: in one of them, he could have made new recovery codes meanwhile.
      // The report is done by now: a failure here is logged, not answered as if the report had failed (the link is spent).
      await this.rpc.request(MfaPatterns.removeFactor, { userId, confirmedSince: undoSince }).catch((error: Error) => {
        logger.warn(`After the "this wasn't me" of user ${userId}, the recovery codes made since were not removed again: ${error.message}`);
      });
    } finally {
      // Spent, the link answers invalid_token from identity from now on; failed, it may be reported again at once.
      await this.redis.del(claim).catch(() => undefined);
    }
  }
}
