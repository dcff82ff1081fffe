import { DomainError, ErrorCode, PasskeyPatterns, UserView } from '@app/contracts';
import { RpcClient } from '@app/platform';
import { Injectable, Logger } from '@nestjs/common';
import { generateAuthenticationOptions, PublicKeyCredentialRequestOptionsJSON, verifyAuthenticationResponse } from '@simplewebauthn/server';
import { AuthenticationResponse, challengeExpired, signedChallengeOf } from './ceremony-responses';
import { PASSKEY_CHALLENGE_SECONDS, PasskeyChallenges } from './passkey-challenges';
import { PasskeyKey, PasskeyKeys } from './passkey-keys';
import { RelyingParty } from './relying-party';

/** Who a verified assertion proved to be there. */
export interface VerifiedPasskey {
  userId: string;
  /** The passkey's owner as identity knows them now: a sign-in goes on with them. */
  user: UserView;
  credentialId: string;
  passkeyId: string;
}

const logger = new Logger('passkeys');

/**
 * One answer whatever the reason, which only the log says: the library's text
 * would tell a prober the expected origin or a passkey's counter, and "it
 * belongs to someone else" that a credential id exists.
 */
function refused(reason: string): DomainError {
  logger.log(`An assertion was refused: ${reason}.`);
  return new DomainError(ErrorCode.InvalidPasskey, 'This passkey was not accepted here.');
}

/**
 * Assertions: the sign-in adapter (first or second factor) and the fresh proof
 * before a sensitive change. The relying party is the portal host the portal
 * hook resolved, with the origins configuration allows there (relying-party.ts).
 */
@Injectable()
export class PasskeyAuthentication {
  constructor(
    private readonly rpc: RpcClient,
    private readonly challenges: PasskeyChallenges,
    private readonly keys: PasskeyKeys,
  ) {}

  /**
   * With `userId`, the challenge answers only that user's passkeys on this host
   * (a second factor, a fresh proof); without, any passkey of this host
   * (usernameless sign-in, where the browser offers discoverable ones).
   */
  async options(host: string, userId: string | null = null): Promise<PublicKeyCredentialRequestOptionsJSON> {
    const allowed = userId ? await this.rpc.request(PasskeyPatterns.list, { userId, rpId: host }) : [];
    const options = await generateAuthenticationOptions({
      rpID: host,
      userVerification: 'required',
      timeout: PASSKEY_CHALLENGE_SECONDS * 1000,
      allowCredentials: allowed.map(({ credentialId, transports }) => ({ id: credentialId, transports })),
    });
    await this.challenges.remember('authentication', options.challenge, { rpId: host, userId });
    return options;
  }

  /**
   * Verifies an assertion made on `host` and records the use. User
   * verification is required: a passkey stands for two factors. The key comes
   * from those the gateway keeps, or from identity the first time; either way,
   * identity records the use, which refuses a removed passkey and a counter
   * that did not move forward, and names the owner as they are now.
   * @throws DomainError passkey_challenge_expired; invalid_passkey for an
   * unknown credential (another host's included), another user's passkey, a
   * bad signature, no user verification, a counter that did not move forward,
   * or a passkey removed since
   * @param ownerId whose passkey it must be (the session's user), whatever the challenge names: options asked by
   * another session name its user, whose passkey must not answer for this one
   */
  async verifyAuthentication(rp: Pick<RelyingParty, 'id' | 'origins'>, response: AuthenticationResponse, ownerId?: string): Promise<VerifiedPasskey> {
    const challenge = signedChallengeOf(response.response.clientDataJSON);
    const [pending, kept] = await Promise.all([this.challenges.take('authentication', challenge), this.keys.get(rp.id, response.id)]);
    if (!pending || pending.rpId !== rp.id) throw challengeExpired();
    const passkey = kept ?? (await this.passkeyOn(rp.id, response.id));
    // Before its signature is checked and its use recorded: another person's passkey is refused untouched. Both owners are
    // checked, the challenge's and the caller's: a challenge asked by Mallory's own session names her, and vouched for her
    // passkey as the answer to Claire's step, whose caller named Claire.
    if (pending.userId && pending.userId !== passkey.userId) throw refused('the challenge was asked for someone else');
    if (ownerId && ownerId !== passkey.userId) throw refused('it belongs to someone else');
    if (response.response.userHandle && response.response.userHandle !== Buffer.from(passkey.userId).toString('base64url')) {
      throw refused('its user handle names someone else');
    }
    const { authenticationInfo: info, verified } = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: rp.origins,
      expectedRPID: rp.id,
      // The counter is checked where it is stored, when the use is recorded: 0 makes the library accept any.
      credential: { id: passkey.credentialId, publicKey: Buffer.from(passkey.publicKey, 'base64url'), counter: 0 },
      requireUserVerification: true,
    }).catch((error: Error) => {
      throw refused(error.message);
    });
    if (!verified) throw refused('its signature does not verify');
    // Kept before the use is recorded, not after: a removal committing between the two would have its announcement
    // drop the key before this wrote it back. One committing earlier is found by recording the use, which drops it.
    if (!kept) await this.keys.remember(rp.id, passkey);
    const owner = await this.recordUse(rp.id, passkey, info.newCounter, info.credentialBackedUp);
    return { userId: passkey.userId, user: owner, credentialId: passkey.credentialId, passkeyId: passkey.id };
  }

  private async recordUse(rpId: string, passkey: PasskeyKey, counter: number, backedUp: boolean): Promise<UserView> {
    try {
      return (await this.rpc.request(PasskeyPatterns.recordUse, { passkeyId: passkey.id, counter, backedUp })).owner;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.code === ErrorCode.NotFound) {
        await this.keys.forget(rpId, passkey.credentialId);
        throw refused('it was removed');
      }
      if (error.code === ErrorCode.InvalidPasskey) throw refused('its signature counter did not move forward');
      throw error;
    }
  }

  private async passkeyOn(host: string, credentialId: string): Promise<PasskeyKey> {
    try {
      return await this.rpc.request(PasskeyPatterns.find, { credentialId, rpId: host });
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.NotFound) throw refused('no such passkey was made for this portal');
      throw error;
    }
  }
}
