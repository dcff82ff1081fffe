import { z } from 'zod';
import { defineRequest } from '../messages/message-contract';
import { UserView } from './identity.contracts';
import { Id, SessionId, SingleLine } from './values';

/** A WebAuthn credential id or public key as it travels: base64url, as in the WebAuthn JSON. */
const Base64Url = (max: number) => z.string().min(1).max(max).regex(/^[A-Za-z0-9_-]+$/, 'must be base64url');
/** The relying party: the portal host where the passkey was made (a company host or the easy access host). */
const RpId = z.string().min(1).max(253);
export const PasskeyName = SingleLine(60);
const Transports = z.array(z.enum(['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb'])).max(7);
const Aaguid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
/** WebAuthn counters are 32-bit unsigned. */
const SignatureCounter = z.number().int().min(0).max(0xffff_ffff);

export type PasskeyTransport = z.output<typeof Transports>[number];

/**
 * A passkey identity removed: by RP ID and credential id, as the gateway keeps
 * its public key, and by id, as the sessions it proved name it. `sparedSessionId`
 * is the session that asked for the removal, which stays signed in.
 */
export const RemovedPasskey = z.object({
  userId: Id,
  rpId: RpId,
  credentialId: Base64Url(1400),
  passkeyId: Id,
  sparedSessionId: SessionId.optional(),
});

/** A passkey as its owner manages it, and as a ceremony needs it. */
export interface PasskeyView {
  id: string;
  userId: string;
  rpId: string;
  credentialId: string;
  transports: PasskeyTransport[];
  aaguid: string;
  name: string;
  backupEligible: boolean;
  backedUp: boolean;
  createdAt: string;
  lastUsedAt: string | null;
}

/** What verifying an assertion needs besides the view: the key and the last counter seen. */
export interface PasskeyCredential extends PasskeyView {
  publicKey: string;
  counter: number;
}

/** A verified assertion's use, recorded: the passkey's owner as identity knows them now, whom a sign-in goes on with. */
export interface PasskeyUse {
  owner: UserView;
}

/**
 * Passkeys (WebAuthn credentials), kept by identity with the other credentials.
 * Each belongs to one user and one RP ID: the ceremonies run in the gateway,
 * which sends only what it verified.
 */
export const PasskeyPatterns = {
  /** @throws not_found for an unknown or inactive user; conflict when the credential id is already registered. */
  register: defineRequest<PasskeyView>()(
    'identity.passkey.register',
    z.object({
      userId: Id,
      rpId: RpId,
      credentialId: Base64Url(1400),
      publicKey: Base64Url(2000),
      counter: SignatureCounter,
      transports: Transports,
      aaguid: Aaguid,
      backupEligible: z.boolean(),
      backedUp: z.boolean(),
      name: PasskeyName,
    }),
  ),
  list: defineRequest<PasskeyView[]>()('identity.passkey.list', z.object({ userId: Id, rpId: RpId }), { idempotent: true }),
  /** The user's passkeys on every host: whether they hold a second factor somewhere, which adding another must prove. */
  countOfUser: defineRequest<{ passkeys: number }>()('identity.passkey.count-of-user', z.object({ userId: Id }), { idempotent: true }),
  /** What verifying an assertion needs. @throws not_found unless a passkey with this credential id was made for this RP ID. */
  find: defineRequest<PasskeyCredential>()(
    'identity.passkey.find',
    z.object({ credentialId: Base64Url(1400), rpId: RpId }),
    { idempotent: true },
  ),
  /**
   * Stores the counter of a verified assertion and the time of use, only if the
   * counter moved forward (or both are zero, for authenticators without one).
   * The gateway may have verified with a key it kept: this is where a removed
   * passkey is found gone.
   * @throws invalid_passkey when the counter did not move: a cloned authenticator, or a replay racing the original;
   * not_found when the passkey was removed
   */
  recordUse: defineRequest<PasskeyUse>()(
    'identity.passkey.record-use',
    z.object({ passkeyId: Id, counter: SignatureCounter, backedUp: z.boolean() }),
  ),
  /** @throws not_found unless it is the user's own passkey, made for this RP ID (as managed on its own host only). */
  rename: defineRequest<PasskeyView>()(
    'identity.passkey.rename',
    z.object({ userId: Id, rpId: RpId, passkeyId: Id, name: PasskeyName }),
    { idempotent: true },
  ),
  /**
   * @returns the removed passkey's credential id, whose key the gateway forgets.
   * @throws not_found unless it is the user's own passkey, made for this RP ID.
   */
  remove: defineRequest<{ credentialId: string }>()(
    'identity.passkey.remove',
    z.object({ userId: Id, rpId: RpId, passkeyId: Id, sparedSessionId: SessionId.optional() }),
  ),
  /**
   * Every passkey of the user, on every host, as the admin's 2FA disable does
   * for a user who lost their devices. Mails nothing: the caller tells the user once.
   */
  removeAllOfUser: defineRequest<{ removed: number }>()('identity.passkey.remove-all-of-user', z.object({ userId: Id }), { idempotent: true }),
} as const;
