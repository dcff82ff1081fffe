import { base32Decode, codeAtTime, codeForStep, hotp, timeStepAt } from './totp';

/** The test code of the e2e specs is itself checked against the RFCs' own vectors. */
describe('totp (test support)', () => {
  const rfcSecret = Buffer.from('12345678901234567890', 'ascii');

  test.each([
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
  ])('RFC 6238 appendix B, SHA-1, T=%d: %s', (unixSeconds, expected) => {
    expect(codeAtTime(rfcSecret, unixSeconds, 8)).toBe(expected);
  });

  test('RFC 4226 appendix D: the first HOTP values', () => {
    const sut = [0, 1, 2, 9].map((counter) => hotp(rfcSecret, counter));

    expect(sut).toEqual(['755224', '287082', '359152', '520489']);
  });

  test('base32 decodes the RFC 4648 vectors, with or without padding and in any case', () => {
    expect(base32Decode('MZXW6YTBOI======').toString('ascii')).toBe('foobar');
    expect(base32Decode('mzxw6ytb').toString('ascii')).toBe('fooba');
    expect(base32Decode('MY').toString('ascii')).toBe('f');
    expect(base32Decode('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ').toString('ascii')).toBe('12345678901234567890');
  });

  test('base32 refuses a character outside the alphabet', () => {
    expect(() => base32Decode('MZ1W')).toThrow('"1" is not a base32 character.');
  });

  test('a 6-digit code of a base32 secret is the last 6 digits of the 8-digit one', () => {
    const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

    expect(codeForStep(secret, timeStepAt(59_000))).toBe('287082');
  });
});
