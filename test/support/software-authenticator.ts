import { createHash, generateKeyPairSync, KeyObject, randomBytes, sign } from 'node:crypto';
import { encodeCbor } from './cbor';

/** What the gateway's options carry that an authenticator reads. */
interface CreationOptions {
  challenge: string;
  rp: { id?: string };
  user: { id: string };
}
interface RequestOptions {
  challenge: string;
  rpId?: string;
}

/** A passkey held by the software authenticator. */
export interface HeldPasskey {
  credentialId: string;
  rpId: string;
  userHandle: string;
  privateKey: KeyObject;
  publicKeyCose: Buffer;
  counter: number;
}

/** Deviations a test asks for, as a phishing page, a cloned authenticator or a sloppy one would produce. */
export interface Tampering {
  /** The RP ID whose hash goes into authenticatorData (default: the options' one). */
  rpId?: string;
  /** The origin written into clientDataJSON (default: the one passed in). */
  origin?: string;
  /** Another challenge than the options' one. */
  challenge?: string;
  /** Clears the UV flag. */
  userVerified?: boolean;
  /** The signature counter to send (default: one more than the last). */
  counter?: number;
  /** The userHandle of an assertion (default: the passkey's); null sends none, as a non-discoverable credential may. */
  userHandle?: string | null;
}

const FLAG_UP = 0x01;
const FLAG_UV = 0x04;
const FLAG_BE = 0x08;
const FLAG_BS = 0x10;
const FLAG_AT = 0x40;

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest();
const b64url = (data: Buffer) => data.toString('base64url');

/**
 * A CTAP2-like platform authenticator in software: P-256 keys, attestation
 * `none`, resident credentials, user verification. It answers the gateway's
 * options with what `PublicKeyCredential.toJSON()` would send.
 */
export class SoftwareAuthenticator {
  readonly passkeys: HeldPasskey[] = [];

  constructor(
    readonly aaguid = 'fbfc3007-154e-4ecc-8c0b-6e020557d7bd',
    /** Counting authenticators start above zero; synced passkeys always send 0. */
    private readonly counts = true,
  ) {}

  /** A new passkey; or, with `again`, the same credential once more, as an authenticator that ignores excludeCredentials would. */
  create(options: CreationOptions, origin: string, tampering: Tampering = {}, again?: HeldPasskey) {
    const rpId = tampering.rpId ?? options.rp.id!;
    const passkey = again ?? newPasskey(rpId, options.user.id);
    const credentialId = Buffer.from(passkey.credentialId, 'base64url');
    const publicKeyCose = passkey.publicKeyCose;
    const attested = Buffer.concat([uuidBytes(this.aaguid), u16(credentialId.length), credentialId, publicKeyCose]);
    const authData = this.authenticatorData(rpId, FLAG_AT, tampering, passkey, attested);
    const clientDataJSON = clientData('webauthn.create', tampering.challenge ?? options.challenge, tampering.origin ?? origin);
    if (!again) this.passkeys.push(passkey);
    return {
      id: passkey.credentialId,
      rawId: passkey.credentialId,
      type: 'public-key' as const,
      response: {
        clientDataJSON: b64url(clientDataJSON),
        attestationObject: b64url(encodeCbor({ fmt: 'none', attStmt: {}, authData })),
        transports: ['internal' as const, 'hybrid' as const],
      },
      authenticatorAttachment: 'platform' as const,
      clientExtensionResults: {},
    };
  }

  /** An assertion by `passkey` (default: the newest one made for the options' RP ID). */
  assert(options: RequestOptions, origin: string, tampering: Tampering = {}, passkey = this.newestFor(options.rpId!)) {
    const rpId = tampering.rpId ?? options.rpId!;
    const authData = this.authenticatorData(rpId, 0, tampering, passkey);
    const clientDataJSON = clientData('webauthn.get', tampering.challenge ?? options.challenge, tampering.origin ?? origin);
    const signature = sign('sha256', Buffer.concat([authData, sha256(clientDataJSON)]), passkey.privateKey);
    return {
      id: passkey.credentialId,
      rawId: passkey.credentialId,
      type: 'public-key' as const,
      response: {
        clientDataJSON: b64url(clientDataJSON),
        authenticatorData: b64url(authData),
        signature: b64url(signature),
        ...userHandleOf(passkey, tampering),
      },
      authenticatorAttachment: 'platform' as const,
      clientExtensionResults: {},
    };
  }

  newestFor(rpId: string): HeldPasskey {
    const passkey = this.passkeys.filter((held) => held.rpId === rpId).at(-1);
    if (!passkey) throw new Error(`The software authenticator holds no passkey for ${rpId}.`);
    return passkey;
  }

  private authenticatorData(rpId: string, extraFlags: number, tampering: Tampering, passkey: HeldPasskey, attested = Buffer.alloc(0)): Buffer {
    const verified = tampering.userVerified ?? true;
    const flags = FLAG_UP | (verified ? FLAG_UV : 0) | (this.counts ? 0 : FLAG_BE | FLAG_BS) | extraFlags;
    if (this.counts && tampering.counter === undefined) passkey.counter += 1;
    const counter = tampering.counter ?? (this.counts ? passkey.counter : 0);
    return Buffer.concat([sha256(rpId), Buffer.from([flags]), u32(counter), attested]);
  }
}

function newPasskey(rpId: string, userHandle: string): HeldPasskey {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const { x, y } = publicKey.export({ format: 'jwk' });
  const coseKey = new Map<number, number | Uint8Array>([[1, 2], [3, -7], [-1, 1], [-2, Buffer.from(x!, 'base64url')], [-3, Buffer.from(y!, 'base64url')]]);
  return { credentialId: b64url(randomBytes(32)), rpId, userHandle, privateKey, publicKeyCose: encodeCbor(coseKey), counter: 0 };
}

function userHandleOf(passkey: HeldPasskey, tampering: Tampering): { userHandle?: string } {
  const userHandle = tampering.userHandle === undefined ? passkey.userHandle : tampering.userHandle;
  return userHandle === null ? {} : { userHandle };
}

function clientData(type: string, challenge: string, origin: string): Buffer {
  return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
}

function uuidBytes(uuid: string): Buffer {
  return Buffer.from(uuid.replace(/-/g, ''), 'hex');
}

function u16(value: number): Buffer {
  const buffer = Buffer.alloc(2);
  buffer.writeUInt16BE(value);
  return buffer;
}

function u32(value: number): Buffer {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32BE(value);
  return buffer;
}
