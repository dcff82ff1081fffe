import { createHmac } from 'node:crypto';
import { authenticator } from 'otplib';
import { matchedTimeStep, newTotpSecret, timeStepAt, totpKeyUri } from './totp';

/** RFC 6238 Appendix B: the SHA-1 seed '12345678901234567890', in base32. */
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const RFC_SEED = Buffer.from('12345678901234567890', 'ascii');

/** RFC 6238 Appendix B, SHA-1 rows: T in seconds, 8-digit TOTP. */
const RFC_VECTORS: [number, string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

/** An independent RFC 4226 HOTP over node:crypto, to check otplib against. */
function hotp(seed: Buffer, counter: number, digits: number): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', seed).update(message).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

describe('TOTP (RFC 6238)', () => {
  it.each(RFC_VECTORS)('otplib gives the RFC vector at T=%i', (seconds, expected) => {
    const atMs = seconds * 1000;
    expect(authenticator.clone({ digits: 8, epoch: atMs }).generate(RFC_SECRET)).toBe(expected);
    expect(authenticator.clone({ epoch: atMs }).generate(RFC_SECRET)).toBe(expected.slice(-6));
    expect(hotp(RFC_SEED, timeStepAt(atMs), 8)).toBe(expected);
  });

  describe(matchedTimeStep.name, () => {
    const sut = matchedTimeStep;

    it('gives the time step of a current code', () => {
      expect(sut('287082', RFC_SECRET, 59_000)).toBe(1);
    });

    it('accepts one step of drift each way and reports the step the code was made for', () => {
      expect(sut('287082', RFC_SECRET, 59_000 + 30_000)).toBe(1);
      expect(sut('287082', RFC_SECRET, 59_000 - 30_000)).toBe(1);
    });

    it('refuses a code two steps away', () => {
      expect(sut('287082', RFC_SECRET, 59_000 + 60_000)).toBeNull();
      expect(sut('287082', RFC_SECRET, 59_000 - 60_000)).toBeNull();
    });

    it('refuses a wrong code', () => {
      expect(sut('287083', RFC_SECRET, 59_000)).toBeNull();
    });

    it('agrees with an independent HOTP at a real time', () => {
      const atMs = Date.UTC(2026, 10, 25, 12, 0, 7);
      const code = hotp(RFC_SEED, timeStepAt(atMs) - 1, 6);
      expect(sut(code, RFC_SECRET, atMs)).toBe(timeStepAt(atMs) - 1);
    });
  });

  it('makes 20-byte base32 secrets', () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(secret);
  });

  it('makes the otpauth URI authenticator apps read', () => {
    const uri = new URL(totpKeyUri(RFC_SECRET, 'claire@example.com', 'Cabinet Dupont'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe('/Cabinet Dupont:claire@example.com');
    expect(Object.fromEntries(uri.searchParams)).toMatchObject({ secret: RFC_SECRET, issuer: 'Cabinet Dupont' });
  });
});
