import { DomainError, ErrorCode } from '@app/contracts';
import { PasswordPolicy } from './password-policy';

describe(PasswordPolicy.name, () => {
  let sut: PasswordPolicy;

  beforeEach(() => {
    sut = new PasswordPolicy();
  });

  describe('weaknessOf', () => {
    it('accepts a long uncommon password', () => {
      expect(sut.weaknessOf('plum-kettle-orbit-97')).toBeNull();
    });

    it('accepts exactly 10 and exactly 128 characters', () => {
      expect(sut.weaknessOf('zq8!vT3#pL')).toBeNull();
      expect(sut.weaknessOf('zq8!vT3#pL'.repeat(12) + 'abcdefgh')).toBeNull();
    });

    it('rejects 9 characters as too short', () => {
      expect(sut.weaknessOf('zq8!vT3#p')).toBe('too_short');
    });

    it('rejects 129 characters as too long', () => {
      expect(sut.weaknessOf('zq8!vT3#pL'.repeat(12) + 'abcdefghi')).toBe('too_long');
    });

    it('counts code points, not UTF-16 units', () => {
      const nineEmoji = '🔑🔒🐙🌵🚲🎻🧊🪁🦉';
      expect(nineEmoji.length).toBe(18);
      expect(sut.weaknessOf(nineEmoji)).toBe('too_short');
      expect(sut.weaknessOf(nineEmoji + '🍋')).toBeNull();
      expect(sut.weaknessOf('🔑'.repeat(128))).toBeNull();
      expect(sut.weaknessOf('🔑'.repeat(129))).toBe('too_long');
    });

    it.each(['password123', '1234567890', 'qwertyuiop'])('rejects the common password %s', (password) => {
      expect(sut.weaknessOf(password)).toBe('common');
    });

    it('rejects a common password whatever its case', () => {
      expect(sut.weaknessOf('PassWord123')).toBe('common');
      expect(sut.weaknessOf('QWERTYUIOP')).toBe('common');
    });
  });

  describe('assertAcceptable', () => {
    it('passes a strong password', () => {
      expect(() => sut.assertAcceptable('plum-kettle-orbit-97')).not.toThrow();
    });

    it('throws weak_password with the reason', () => {
      let thrown: unknown;
      try {
        sut.assertAcceptable('Password123');
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(DomainError);
      expect((thrown as DomainError).toPayload()).toEqual({
        code: ErrorCode.WeakPassword,
        message: expect.any(String),
        details: { reason: 'common' },
      });
    });
  });
});
