'use strict';
const { createHash, generateKeyPairSync, randomBytes, sign } = require('node:crypto');

/**
 * A synced passkey provider in software, for the bench: P-256 keys, attestation
 * `none`, user present and verified, backed up, and a signature counter that
 * stays 0 as synced passkeys send it, so that parallel sign-ins of one user
 * never race on it. The same answers as test/support/software-authenticator.ts
 * (which the bench, a package of its own, cannot import), without its tampering.
 */
const FLAGS = 0x01 /* UP */ | 0x04 /* UV */ | 0x08 /* BE */ | 0x10; /* BS */
const FLAG_AT = 0x40;
const AAGUID = Buffer.alloc(16);

const sha256 = (data) => createHash('sha256').update(data).digest();
const b64url = (data) => data.toString('base64url');
const clientData = (type, challenge, origin) => Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }));

/** A new passkey answering registration options (PublicKeyCredentialCreationOptionsJSON), and its registration response. */
function createPasskey(options, origin) {
  const rpId = options.rp.id;
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const { x, y } = publicKey.export({ format: 'jwk' });
  const credentialId = randomBytes(32);
  // COSE_Key: kty EC2 (1: 2), alg ES256 (3: -7), crv P-256 (-1: 1), x (-2), y (-3).
  const coseKey = encodeCbor(new Map([[1, 2], [3, -7], [-1, 1], [-2, Buffer.from(x, 'base64url')], [-3, Buffer.from(y, 'base64url')]]));
  const idLength = Buffer.alloc(2);
  idLength.writeUInt16BE(credentialId.length);
  const authData = Buffer.concat([authenticatorData(rpId, FLAG_AT), AAGUID, idLength, credentialId, coseKey]);
  const attestationObject = encodeCbor(new Map([['fmt', 'none'], ['attStmt', new Map()], ['authData', authData]]));
  const passkey = { rpId, credentialId: b64url(credentialId), userHandle: options.user.id, privateKey };
  const response = {
    id: passkey.credentialId,
    rawId: passkey.credentialId,
    type: 'public-key',
    response: { clientDataJSON: b64url(clientData('webauthn.create', options.challenge, origin)), attestationObject: b64url(attestationObject), transports: ['internal', 'hybrid'] },
    authenticatorAttachment: 'platform',
    clientExtensionResults: {},
  };
  return { passkey, response };
}

/** The assertion (AuthenticationResponseJSON) of `passkey` answering sign-in options, as the browser would send it. */
function assert(passkey, options, origin) {
  const authData = authenticatorData(options.rpId, 0);
  const clientDataJSON = clientData('webauthn.get', options.challenge, origin);
  const signature = sign('sha256', Buffer.concat([authData, sha256(clientDataJSON)]), passkey.privateKey);
  return {
    id: passkey.credentialId,
    rawId: passkey.credentialId,
    type: 'public-key',
    response: { clientDataJSON: b64url(clientDataJSON), authenticatorData: b64url(authData), signature: b64url(signature), userHandle: passkey.userHandle },
    authenticatorAttachment: 'platform',
    clientExtensionResults: {},
  };
}

/** RP ID hash, flags, counter 0. */
const authenticatorData = (rpId, extraFlags) => Buffer.concat([sha256(rpId), Buffer.from([FLAGS | extraFlags]), Buffer.alloc(4)]);

/** The CBOR WebAuthn needs here (RFC 8949): integers, text and byte strings, and Maps, in the order given. */
function encodeCbor(value) {
  if (typeof value === 'number') return value >= 0 ? head(0, value) : head(1, -1 - value);
  if (typeof value === 'string') return Buffer.concat([head(3, Buffer.byteLength(value)), Buffer.from(value)]);
  if (Buffer.isBuffer(value)) return Buffer.concat([head(2, value.length), value]);
  if (value instanceof Map) return Buffer.concat([head(5, value.size), ...[...value].flatMap(([key, item]) => [encodeCbor(key), encodeCbor(item)])]);
  throw new Error(`CBOR: cannot encode ${typeof value}`);
}

function head(major, length) {
  const type = major << 5;
  if (length < 24) return Buffer.from([type | length]);
  if (length < 0x100) return Buffer.from([type | 24, length]);
  if (length < 0x10000) return Buffer.from([type | 25, length >> 8, length & 0xff]);
  const buffer = Buffer.alloc(5);
  buffer[0] = type | 26;
  buffer.writeUInt32BE(length, 1);
  return buffer;
}

module.exports = { createPasskey, assert };
