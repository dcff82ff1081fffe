import { createHmac } from 'node:crypto';
import { newDeviceSecrets, pinMatches, pinVerifierOf, secretHashOf } from './device-secret';

describe(newDeviceSecrets.name, () => {
  const sut = newDeviceSecrets;

  it('makes a 256-bit base64url secret, different every time', () => {
    const { deviceSecret } = sut('1234');
    expect(deviceSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(deviceSecret, 'base64url')).toHaveLength(32);
    expect(sut('1234').deviceSecret).not.toBe(deviceSecret);
  });

  it('keeps only verifiers, neither of which is the secret or the PIN', () => {
    const { deviceSecret, secretHash, pinVerifier } = sut('1234');
    expect(secretHash).toBe(secretHashOf(deviceSecret));
    expect(pinVerifier).toBe(pinVerifierOf(deviceSecret, '1234'));
    expect([secretHash, pinVerifier].join()).not.toContain(deviceSecret);
    // A digest, not the PIN: a hex digest may hold the digits 1234 by chance (about once in a thousand runs).
    expect(pinVerifier).toMatch(/^[0-9a-f]{64}$/);
    expect(pinVerifier).not.toBe(pinVerifierOf('another-secret', '1234'));
  });

  it('gives the same PIN different verifiers on two devices', () => {
    expect(sut('1234').pinVerifier).not.toBe(sut('1234').pinVerifier);
  });
});

describe(pinVerifierOf.name, () => {
  const sut = pinVerifierOf;

  it('is HMAC-SHA256 of the PIN keyed by the device secret', () => {
    const expected = createHmac('sha256', 'device-secret').update('0042').digest('hex');
    expect(sut('device-secret', '0042')).toBe(expected);
  });

  it('agrees with the RFC 4231 test case 2 vector', () => {
    expect(sut('Jefe', 'what do ya want for nothing?')).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });
});

describe(pinMatches.name, () => {
  const sut = pinMatches;
  const { deviceSecret, pinVerifier } = newDeviceSecrets('2580');

  it('accepts the PIN the device was registered with', () => {
    expect(sut(deviceSecret, '2580', pinVerifier)).toBe(true);
  });

  it.each(['2581', '0258', '258', '25800', ''])('refuses the PIN %p', (pin) => {
    expect(sut(deviceSecret, pin, pinVerifier)).toBe(false);
  });

  it('refuses the right PIN with another device secret', () => {
    expect(sut(newDeviceSecrets('2580').deviceSecret, '2580', pinVerifier)).toBe(false);
  });

  it('refuses against a stored verifier that is not a digest', () => {
    expect(sut(deviceSecret, '2580', 'garbage')).toBe(false);
  });
});
