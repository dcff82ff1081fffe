import { DomainError, ErrorCode, PasskeyPatterns, PasskeyView } from '@app/contracts';
import { RpcClient } from '@app/platform';
import { Injectable, Logger } from '@nestjs/common';
import { generateRegistrationOptions, PublicKeyCredentialCreationOptionsJSON, verifyRegistrationResponse } from '@simplewebauthn/server';
import { RateLimiter } from '../rate-limit/rate-limiter';
import { challengeExpired, RegistrationResponse, signedChallengeOf } from './ceremony-responses';
import { PASSKEY_CHALLENGE_SECONDS, PasskeyChallenges } from './passkey-challenges';
import { providerNameOf } from './passkey-providers';
import { RelyingParty } from './relying-party';
import { TrustedBrowserStore } from '../trusted-browsers/trusted-browser.store';

/** Registration ceremonies a user may start per minute: each one writes a challenge to Redis. */
export const REGISTRATIONS_PER_USER_PER_MINUTE = 20;

/** The name the user gave; else the provider's (from the AAGUID); else `fallback`, a word in the user's language. */
export interface PasskeyNaming {
  name?: string;
  fallback: string;
}

export interface PasskeyOwner {
  id: string;
  email: string;
  name: string;
}

/** Creating a passkey for a signed-in user, on the host they are on. */
@Injectable()
export class PasskeyRegistration {
  private readonly logger = new Logger('passkeys');

  constructor(
    private readonly rpc: RpcClient,
    private readonly challenges: PasskeyChallenges,
    private readonly limiter: RateLimiter,
    private readonly trustedBrowsers: TrustedBrowserStore,
  ) {}

  /**
   * Discoverable (resident key) and user-verifying, so that the same passkey
   * later signs in without an email and counts as two factors. The user's
   * passkeys on this host are excluded: one per authenticator.
   * @throws DomainError rate_limited
   */
  async options(rp: RelyingParty, owner: PasskeyOwner): Promise<PublicKeyCredentialCreationOptionsJSON> {
    // Per host: a firm spending the budget on its own host must not keep her from making passkeys on the others.
    await this.limiter.hit({ key: `passkey-registration:${owner.id}:${rp.id}`, max: REGISTRATIONS_PER_USER_PER_MINUTE, windowSeconds: 60 });
    const existing = await this.rpc.request(PasskeyPatterns.list, { userId: owner.id, rpId: rp.id });
    const options = await generateRegistrationOptions({
      rpName: rp.name,
      rpID: rp.id,
      // The user handle is the user id, never the email: authenticators may show or sync it.
      userID: new TextEncoder().encode(owner.id),
      userName: owner.email,
      userDisplayName: owner.name,
      timeout: PASSKEY_CHALLENGE_SECONDS * 1000,
      attestationType: 'none',
      excludeCredentials: existing.map(({ credentialId, transports }) => ({ id: credentialId, transports })),
      authenticatorSelection: { residentKey: 'required', requireResidentKey: true, userVerification: 'required' },
    });
    await this.challenges.remember('registration', options.challenge, { rpId: rp.id, userId: owner.id });
    return options;
  }

  /**
   * @throws DomainError passkey_challenge_expired (unknown, used, expired, or
   * issued to another user or host); passkey_rejected when the response does
   * not verify; conflict when this authenticator is already registered
   */
  async verify(rp: RelyingParty, userId: string, response: RegistrationResponse, naming: PasskeyNaming): Promise<PasskeyView> {
    const challenge = signedChallengeOf(response.response.clientDataJSON);
    const pending = await this.challenges.take('registration', challenge);
    if (!pending || pending.rpId !== rp.id || pending.userId !== userId) throw challengeExpired();
    const { registrationInfo: info } = await verifyRegistrationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: rp.origins,
      expectedRPID: rp.id,
      requireUserVerification: true,
    }).catch((error: Error) => {
      // The library's reason goes to the log only, as for assertions.
      this.logger.log(`A registration was refused: ${error.message}`);
      throw new DomainError(ErrorCode.PasskeyRejected, 'This passkey could not be registered.');
    });
    // The id the browser names must be the one the authenticator attested: the stored one is what later sign-ins look up.
    if (!info || info.credential.id !== response.id) throw new DomainError(ErrorCode.PasskeyRejected, 'This passkey could not be registered.');
    const registered = await this.rpc.request(PasskeyPatterns.register, {
      userId,
      rpId: rp.id,
      credentialId: info.credential.id,
      publicKey: Buffer.from(info.credential.publicKey).toString('base64url'),
      counter: info.credential.counter,
      transports: response.response.transports,
      aaguid: info.aaguid,
      backupEligible: info.credentialDeviceType === 'multiDevice',
      backedUp: info.credentialBackedUp,
      name: naming.name ?? providerNameOf(info.aaguid) ?? naming.fallback,
    });
    // A new factor ends the trusted browsers: whoever added it, the next sign-in everywhere asks the second step again.
    await this.trustedBrowsers.removeAll(userId);
    return registered;
  }
}
