import { randomBytes, randomUUID } from 'node:crypto';
import { Keyring } from './encryption-keys';
import { SealedSecret, SecretCipher } from './secret-cipher';

const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const keyOf = (id: string) => ({ id, key: randomBytes(32) });

describe(SecretCipher.name, () => {
  const owner = randomUUID();
  const k1 = keyOf('k1');
  const sut = new SecretCipher({ current: k1, previous: [] });

  it('opens what it sealed', () => {
    expect(sut.open(sut.seal(SECRET, owner), owner)).toBe(SECRET);
  });

  it('seals under the current key id with a fresh 12-byte IV and a 16-byte tag', () => {
    const first = sut.seal(SECRET, owner);
    const second = sut.seal(SECRET, owner);
    expect(first.keyId).toBe('k1');
    expect(first.iv).toHaveLength(12);
    expect(first.authTag).toHaveLength(16);
    expect(first.iv.equals(second.iv)).toBe(false);
    expect(first.ciphertext.equals(second.ciphertext)).toBe(false);
    expect(first.ciphertext.toString('utf8')).not.toContain(SECRET);
  });

  it.each<[string, (sealed: SealedSecret) => SealedSecret]>([
    ['ciphertext', (sealed) => ({ ...sealed, ciphertext: flipFirstBit(sealed.ciphertext) })],
    ['IV', (sealed) => ({ ...sealed, iv: flipFirstBit(sealed.iv) })],
    ['auth tag', (sealed) => ({ ...sealed, authTag: flipFirstBit(sealed.authTag) })],
  ])('refuses a secret whose %s was tampered with', (_part, tamper) => {
    expect(() => sut.open(tamper(sut.seal(SECRET, owner)), owner)).toThrow();
  });

  it("refuses a secret moved onto another user's row", () => {
    expect(() => sut.open(sut.seal(SECRET, owner), randomUUID())).toThrow();
  });

  it('refuses a secret sealed under an unknown key id, naming the id', () => {
    const sealed = new SecretCipher({ current: keyOf('k9'), previous: [] }).seal(SECRET, owner);
    expect(() => sut.open(sealed, owner)).toThrow('"k9"');
  });

  describe('after a rotation', () => {
    const rotated: Keyring = { current: keyOf('k2'), previous: [k1] };
    const afterRotation = new SecretCipher(rotated);

    it('still opens rows sealed under a previous key', () => {
      expect(afterRotation.open(sut.seal(SECRET, owner), owner)).toBe(SECRET);
    });

    it('seals new rows under the current key', () => {
      const sealed = afterRotation.seal(SECRET, owner);
      expect(sealed.keyId).toBe('k2');
      expect(() => sut.open(sealed, owner)).toThrow();
    });

    it('tells rows under a retired key apart', () => {
      expect(afterRotation.isStale(sut.seal(SECRET, owner))).toBe(true);
      expect(afterRotation.isStale(afterRotation.seal(SECRET, owner))).toBe(false);
    });

    it('refuses a row under a key id whose key was swapped', () => {
      const swapped = new SecretCipher({ current: keyOf('k2'), previous: [keyOf('k1')] });
      expect(() => swapped.open(sut.seal(SECRET, owner), owner)).toThrow();
    });
  });
});

function flipFirstBit(bytes: Buffer): Buffer {
  const copy = Buffer.from(bytes);
  copy[0] ^= 0x01;
  return copy;
}
