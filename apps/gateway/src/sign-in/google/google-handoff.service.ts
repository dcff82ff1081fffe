import { DomainError, ErrorCode, IdentityPatterns } from '@app/contracts';
import { RpcClient } from '@app/platform';
import { Injectable } from '@nestjs/common';
import { FastifyReply, FastifyRequest } from 'fastify';
import { SignInService } from '../sign-in.service';
import { SignInSteps } from '../sign-in-steps';
import { isBoundTo, unbindBrowser } from './browser-binding';
import { GoogleSignInError, homeWithError } from './google-redirects';
import { GoogleSignIn } from './google-sign-in.service';
import { HandoffToken } from './google-tokens';
import { SingleUseTokens } from './single-use-tokens';

/** The user sits no longer behind this sign-in: gone, or no member of this portal. */
const NO_ACCOUNT = new Set<ErrorCode>([ErrorCode.NotFound, ErrorCode.InvalidCredentials]);

/**
 * The last leg of a Google sign-in, back on the host where it began: the
 * session cookie can only be set by that host, so Google's callback hands over
 * a one-minute, single-use token that this host turns into the sign-in.
 */
@Injectable()
export class GoogleHandoff {
  constructor(
    private readonly google: GoogleSignIn,
    private readonly tokens: SingleUseTokens,
    private readonly rpc: RpcClient,
    private readonly signIn: SignInService,
    private readonly steps: SignInSteps,
  ) {}

  /** @returns the path to send the browser to: home, showing an error if the sign-in could not go on. */
  async complete(request: FastifyRequest, reply: FastifyReply, token: unknown): Promise<string> {
    const settings = this.google.enabled();
    const handoff = await this.tokens.take(HandoffToken, token);
    if (!handoff || handoff.host !== request.hostname.toLowerCase()) return homeWithError(GoogleSignInError.HandoffExpired);
    // A handoff link followed in another browser would sign that browser into this account.
    if (!isBoundTo(request, handoff.handoffBinding)) return homeWithError(GoogleSignInError.State);
    unbindBrowser(reply, settings.cookieSecure);
    if (handoff.userId === null) return homeWithError(GoogleSignInError.NoAccount);
    try {
      const user = await this.rpc.request(IdentityPatterns.getUser, { userId: handoff.userId });
      // The same state machine as a password: portal choice, second factor, enrolment.
      const progress = await this.signIn.afterCredentials(user, request.portal!, 'google');
      await this.steps.advance(progress, request, reply);
      return '/';
    } catch (error) {
      if (error instanceof DomainError && NO_ACCOUNT.has(error.code)) return homeWithError(GoogleSignInError.NoAccount);
      throw error;
    }
  }
}
