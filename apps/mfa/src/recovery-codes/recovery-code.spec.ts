import { randomUUID } from 'node:crypto';
import { newRecoveryCode, normaliseRecoveryCode, recoveryCodeHash } from './recovery-code';

describe('recovery codes', () => {
  describe(newRecoveryCode.name, () => {
    const sut = newRecoveryCode;

    it('makes xxxxx-xxxxx codes from an alphabet without look-alike letters', () => {
      for (let i = 0; i < 200; i += 1) expect(sut()).toMatch(/^[0-9a-hjkmnp-tv-z]{5}-[0-9a-hjkmnp-tv-z]{5}$/);
    });

    it('does not repeat itself', () => {
      expect(new Set(Array.from({ length: 1000 }, sut)).size).toBe(1000);
    });
  });

  describe(normaliseRecoveryCode.name, () => {
    const sut = normaliseRecoveryCode;

    it.each([
      ['abcde-12345', 'abcde12345'],
      ['ABCDE-12345', 'abcde12345'],
      ['  abcde 12345 ', 'abcde12345'],
      ['abcde12345', 'abcde12345'],
      ['oOiIl-lL0z9', '00111110z9'],
    ])('reads %p as %p', (typed, expected) => {
      expect(sut(typed)).toBe(expected);
    });

    it.each(['abcde-1234', 'abcde-123456', 'abcde-1234u', 'abcde_12345', 'abcde-1234é'])('refuses %p', (typed) => {
      expect(sut(typed)).toBeNull();
    });

    it('gives back what a new code shows', () => {
      const code = newRecoveryCode();
      expect(sut(code)).toBe(code.replace('-', ''));
    });
  });

  describe(recoveryCodeHash.name, () => {
    const sut = recoveryCodeHash;

    it('hashes one code alike for one user and differently for two', () => {
      const [claire, paul] = [randomUUID(), randomUUID()];
      expect(sut(claire, 'abcde12345')).toMatch(/^[0-9a-f]{64}$/);
      expect(sut(claire, 'abcde12345')).toBe(sut(claire, 'abcde12345'));
      expect(sut(claire, 'abcde12345')).not.toBe(sut(paul, 'abcde12345'));
    });
  });
});
