import { DomainError, ErrorCode, GooglePatterns, UserView } from '@app/contracts';
import { RpcClient } from '@app/platform';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { createRemoteJWKSet, errors, JWTPayload, JWTVerifyGetKey, jwtVerify } from 'jose';
import { GATEWAY_CONFIG, GatewayConfig } from '../../config';
import { NewcomerInvitations } from '../../invitations/newcomer-invitations';
import { IdTokenReplayGuard } from './id-token-replay-guard';

/** Google signs ID tokens with either spelling of its issuer. */
const GOOGLE_ISSUERS = ['https://accounts.google.com', 'accounts.google.com'];
const JWKS_TIMEOUT_MS = 5000;
/** What jose's key lookup throws about the token itself (a `kid` Google has no key for), once the keys are at hand. */
const TOKEN_KEY_ERRORS = [errors.JWKSNoMatchingKey, errors.JWKSMultipleMatchingKeys];

const refused = (reason: string) => new DomainError(ErrorCode.InvalidCredentials, `Google sign-in was refused: ${reason}.`);

interface GoogleClaims extends JWTPayload {
  email?: string;
  email_verified?: boolean;
}

/**
 * An ID token from the native Google SDK: signature against Google's keys
 * (cached by jose), issuer, audience (our web and mobile client ids) and
 * expiry; once only; then the user it names, as the web sign-in finds them.
 */
@Injectable()
export class GoogleIdTokenVerifier {
  private readonly logger = new Logger(GoogleIdTokenVerifier.name);
  private readonly keys: JWTVerifyGetKey | null;
  private readonly audiences: string[];
  private readonly issuers: string[];

  constructor(
    private readonly rpc: RpcClient,
    private readonly replayGuard: IdTokenReplayGuard,
    private readonly newcomers: NewcomerInvitations,
    @Inject(GATEWAY_CONFIG) config: GatewayConfig,
  ) {
    this.keys = config.GOOGLE_CLIENT_ID ? this.keysAt(new URL(config.GOOGLE_JWKS_URL)) : null;
    this.audiences = [config.GOOGLE_CLIENT_ID, ...(config.GOOGLE_MOBILE_CLIENT_IDS ?? [])].filter((id): id is string => Boolean(id));
    this.issuers = GOOGLE_ISSUERS.includes(config.GOOGLE_ISSUER) ? GOOGLE_ISSUERS : [config.GOOGLE_ISSUER];
  }

  /**
   * @throws DomainError invalid_credentials for any bad token or unknown user; id_token_replayed for a token
   * already used; unavailable when Google's keys
   * cannot be fetched; not_found when Google is not configured.
   */
  async userOf(idToken: string): Promise<UserView> {
    if (!this.keys) throw new DomainError(ErrorCode.NotFound, 'Google sign-in is not configured.');
    const claims = await this.verified(idToken);
    if (!claims.sub || !claims.email) throw refused('the token names no account');
    if (claims.email_verified !== true) throw refused('Google has not verified this email');
    await this.replayGuard.spend(idToken, claims);
    try {
      const user = await this.rpc.request(GooglePatterns.signIn, { sub: claims.sub, email: claims.email, emailVerified: true });
      // The app asks no join question: an invited newcomer it activated joins no company, and is mailed each one's acceptance link.
      if (user.activated) await this.newcomers.mailWaiting(user.id);
      return user;
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.NotFound) throw refused('no user has this Google account');
      throw error;
    }
  }

  private async verified(idToken: string): Promise<GoogleClaims> {
    try {
      const { payload } = await jwtVerify<GoogleClaims>(idToken, this.keys!, {
        issuer: this.issuers,
        audience: this.audiences,
        algorithms: ['RS256'],
      });
      return payload;
    } catch (error) {
      if (error instanceof DomainError) throw error;
      throw refused('the ID token is invalid or expired');
    }
  }

  /**
   * Google's keys, fetched when needed. A JWKS that times out, answers an error or no key set, or cannot be
   * reached says nothing about the token: the app is told to try again (503), not that its user was refused.
   */
  private keysAt(url: URL): JWTVerifyGetKey {
    const remote = createRemoteJWKSet(url, { timeoutDuration: JWKS_TIMEOUT_MS });
    return async (header, token) => {
      try {
        return await remote(header, token);
      } catch (error) {
        if (TOKEN_KEY_ERRORS.some((kind) => error instanceof kind)) throw error;
        this.logger.warn(`Google's keys could not be fetched from ${url.origin}: ${reasonOf(error)}`);
        throw new DomainError(ErrorCode.Unavailable, 'Google’s keys could not be fetched. Try again in a moment.');
      }
    };
  }
}

/** fetch() hides the network error (ECONNREFUSED…) in its `cause`. */
function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause as (Error & { code?: unknown }) | undefined;
  return [error.name, error.message, cause?.message, cause?.code].filter((part) => part !== undefined && part !== '').join(': ');
}
