import { DomainError, ErrorCode, GooglePatterns, RpcClient, UserView } from '@app/common';
import { Inject, Injectable } from '@nestjs/common';
import { createRemoteJWKSet, JWTPayload, jwtVerify } from 'jose';
import { GATEWAY_CONFIG, GatewayConfig } from '../config';

/** Google signs ID tokens with either spelling of its issuer. */
const GOOGLE_ISSUERS = ['https://accounts.google.com', 'accounts.google.com'];

const refused = (reason: string) => new DomainError(ErrorCode.InvalidCredentials, `Google sign-in was refused: ${reason}.`);

interface GoogleClaims extends JWTPayload {
  email?: string;
  email_verified?: boolean;
}

/**
 * An ID token from the native Google SDK: signature against Google's keys
 * (cached by jose), issuer, audience (our web and mobile client ids) and
 * expiry; then the user it names, as the web sign-in finds them.
 */
@Injectable()
export class GoogleIdTokenVerifier {
  private readonly keys: ReturnType<typeof createRemoteJWKSet> | null;
  private readonly audiences: string[];
  private readonly issuers: string[];

  constructor(
    private readonly rpc: RpcClient,
    @Inject(GATEWAY_CONFIG) config: GatewayConfig,
  ) {
    this.keys = config.GOOGLE_CLIENT_ID ? createRemoteJWKSet(new URL(config.GOOGLE_JWKS_URL), { timeoutDuration: 5000 }) : null;
    this.audiences = [config.GOOGLE_CLIENT_ID, ...(config.GOOGLE_MOBILE_CLIENT_IDS ?? [])].filter((id): id is string => Boolean(id));
    this.issuers = GOOGLE_ISSUERS.includes(config.GOOGLE_ISSUER) ? GOOGLE_ISSUERS : [config.GOOGLE_ISSUER];
  }

  /** @throws DomainError invalid_credentials for any bad token or unknown user; not_found when Google is not configured. */
  async userOf(idToken: string): Promise<UserView> {
    if (!this.keys) throw new DomainError(ErrorCode.NotFound, 'Google sign-in is not configured.');
    const claims = await this.verified(idToken);
    if (!claims.sub || !claims.email) throw refused('the token names no account');
    if (claims.email_verified !== true) throw refused('Google has not verified this email');
    try {
      return await this.rpc.request(GooglePatterns.signIn, { sub: claims.sub, email: claims.email, emailVerified: true });
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
      if (error instanceof Error && 'code' in error && error.code === 'ERR_JWKS_TIMEOUT') {
        throw new DomainError(ErrorCode.Unavailable, 'Google’s keys could not be fetched.');
      }
      throw refused('the ID token is invalid or expired');
    }
  }
}
