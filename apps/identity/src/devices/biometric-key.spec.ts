import { DomainError, ErrorCode } from '@app/contracts';
import { generateKeyPairSync, KeyObject, sign } from 'node:crypto';
import { parseBiometricKey, signatureMatches } from './biometric-key';

function spkiBase64(publicKey: KeyObject): string {
  return publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
}

function deviceKeyPair() {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return { publicKey: spkiBase64(publicKey), privateKey };
}

function signed(privateKey: KeyObject, challenge: string): string {
  return sign('sha256', Buffer.from(challenge, 'utf8'), privateKey).toString('base64');
}

describe(parseBiometricKey.name, () => {
  const sut = parseBiometricKey;

  it('accepts an EC P-256 key in base64 DER SPKI and keeps it as such', () => {
    const { publicKey } = deviceKeyPair();
    expect(sut(publicKey)).toBe(publicKey);
  });

  it.each([
    ['an RSA key', () => spkiBase64(generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey)],
    ['a P-384 key', () => spkiBase64(generateKeyPairSync('ec', { namedCurve: 'P-384' }).publicKey)],
    ['a secp256k1 key', () => spkiBase64(generateKeyPairSync('ec', { namedCurve: 'secp256k1' }).publicKey)],
    ['an Ed25519 key', () => spkiBase64(generateKeyPairSync('ed25519').publicKey)],
    ['garbage', () => Buffer.from('not a key at all, just some bytes').toString('base64')],
    ['a truncated key', () => deviceKeyPair().publicKey.slice(0, 60)],
  ])('refuses %s as validation_failed', (_case, makeKey) => {
    let thrown: unknown;
    try {
      sut(makeKey());
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    expect((thrown as DomainError).code).toBe(ErrorCode.ValidationFailed);
  });
});

describe(signatureMatches.name, () => {
  const sut = signatureMatches;
  const device = deviceKeyPair();
  const challenge = 'c2VydmVyLWNoYWxsZW5nZQ-é';

  it('accepts a DER ECDSA-SHA256 signature of the challenge by the device key', () => {
    expect(sut(device.publicKey, challenge, signed(device.privateKey, challenge))).toBe(true);
  });

  it('refuses a signature by another key', () => {
    expect(sut(device.publicKey, challenge, signed(deviceKeyPair().privateKey, challenge))).toBe(false);
  });

  it('refuses a signature of another challenge', () => {
    expect(sut(device.publicKey, challenge, signed(device.privateKey, `${challenge}x`))).toBe(false);
  });

  it.each(['', 'AAAA', 'not base64 at all!', Buffer.alloc(64, 1).toString('base64')])(
    'refuses the malformed signature %p without throwing',
    (signature) => {
      expect(sut(device.publicKey, challenge, signature)).toBe(false);
    },
  );

  it('refuses a raw (IEEE P1363) signature: the contract asks for DER', () => {
    const raw = sign('sha256', Buffer.from(challenge), { key: device.privateKey, dsaEncoding: 'ieee-p1363' });
    expect(sut(device.publicKey, challenge, raw.toString('base64'))).toBe(false);
  });
});
