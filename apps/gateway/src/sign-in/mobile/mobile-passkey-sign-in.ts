import { Inject, Injectable } from '@nestjs/common';
import type { PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server';
import { GATEWAY_CONFIG, GatewayConfig } from '../../config';
import { AuthenticationResponse } from '../../passkeys/ceremony-responses';
import { PasskeyAuthentication } from '../../passkeys/passkey-authentication.service';
import { RateLimiter } from '../../rate-limit/rate-limiter';
import { RelyingParty, relyingPartyFor } from '../../passkeys/relying-party';
import type { MobileLoginAnswer } from '../../mobile/mobile.contract';
import { MobileLoginService } from './mobile-login.service';

/** Ceremonies one address may start per minute, as on the web: each writes a challenge to Redis, and none needs a session. */
export const APP_CEREMONIES_PER_IP_PER_MINUTE = 30;

/**
 * The app's sign-in with a passkey of the easy access host, through the
 * platform's native passkey API: the same passkeys as the web's on that host,
 * since the associated-domain files name the app. A passkey with user
 * verification stands for two factors, so the next step is the PIN.
 */
@Injectable()
export class MobilePasskeySignIn {
  /** The easy access host, whose passkeys the app shares, with the app's own origins. */
  private readonly rp: RelyingParty;

  constructor(
    private readonly authentication: PasskeyAuthentication,
    private readonly login: MobileLoginService,
    private readonly limiter: RateLimiter,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {
    this.rp = relyingPartyFor(config.EASY_ACCESS_HOST, config);
  }

  /** Usernameless: the platform offers the user's passkeys for the easy access host. @throws DomainError rate_limited */
  async options(ip: string): Promise<PublicKeyCredentialRequestOptionsJSON> {
    await this.limiter.hitPerAddress('mobile-passkey-sign-in', ip, APP_CEREMONIES_PER_IP_PER_MINUTE, 60);
    return this.authentication.options(this.rp.id);
  }

  /**
   * @throws DomainError passkey_challenge_expired; invalid_passkey (a passkey
   * of a company's host included: only the easy access host's are looked up);
   * invalid_credentials when the user belongs to no portal
   */
  async signIn(response: AuthenticationResponse): Promise<MobileLoginAnswer> {
    const { user } = await this.authentication.verifyAuthentication(this.rp, response);
    return this.login.afterCredentials(user, 'passkey');
  }
}
