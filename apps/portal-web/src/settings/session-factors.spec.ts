import { en } from '../i18n/en';
import { fr } from '../i18n/fr';
import { factorsLabel } from './session-factors';

describe(factorsLabel.name, () => {
  const sut = factorsLabel;

  test('names the factors in the order proved, in French', () => {
    expect(sut(['password', 'totp'], fr.sessions.factorNames)).toBe('Mot de passe + code');
    expect(sut(['passkey'], fr.sessions.factorNames)).toBe("Clé d'accès");
    expect(sut(['password', 'passkey'], fr.sessions.factorNames)).toBe("Mot de passe + clé d'accès");
    expect(sut(['password', 'recovery_code'], fr.sessions.factorNames)).toBe('Mot de passe + code de secours');
    expect(sut(['google', 'totp'], fr.sessions.factorNames)).toBe('Google + code');
  });

  test('and in English', () => {
    expect(sut(['password', 'totp'], en.sessions.factorNames)).toBe('Password + code');
    expect(sut(['passkey'], en.sessions.factorNames)).toBe('Passkey');
    expect(sut(['password', 'recovery_code'], en.sessions.factorNames)).toBe('Password + recovery code');
  });

  test('says nothing of a session that recorded no factor', () => {
    expect(sut([], fr.sessions.factorNames)).toBeNull();
  });
});
