import { passkeyChangedMail, PasskeyChangedNotice } from './passkey-changed.mail';

describe(passkeyChangedMail.name, () => {
  const notice: PasskeyChangedNotice = {
    email: 'claire@example.com',
    change: 'added',
    passkeyName: 'iCloud Keychain',
    settingsLink: 'https://dupont.example.com/settings/passkeys',
    language: 'fr',
  };

  test('names the passkey and links the settings of its own portal, in the user’s language', () => {
    const sut = passkeyChangedMail(notice);

    expect(sut.to).toBe('claire@example.com');
    expect(sut.subject).toBe("Une clé d'accès a été ajoutée à votre compte");
    expect(sut.text).toContain('« iCloud Keychain »');
    expect(sut.text).toContain('https://dupont.example.com/settings/passkeys');
  });

  test('says a removal as a removal, in English too', () => {
    const sut = passkeyChangedMail({ ...notice, change: 'removed', language: 'en' });

    expect(sut.subject).toBe('A passkey was removed from your account');
    expect(sut.text).toContain('"iCloud Keychain" can no longer sign you in');
  });

  test('ends with the "this wasn\'t me" link when the notice has one', () => {
    const link = 'https://dupont.example.com/not-me/secret';

    expect(passkeyChangedMail({ ...notice, notMeLink: link }).text).toContain(`nouveau mot de passe.\n${link}\n`);
    expect(passkeyChangedMail({ ...notice, notMeLink: link, language: 'en' }).text).toContain(`new password.\n${link}\n`);
    expect(passkeyChangedMail(notice).text).not.toContain('/not-me/');
  });

  test("the passkey's name is whoever registered it's words, not the mail's: its quote marks dropped, its web address defanged", () => {
    // Within the 60 characters a name may have.
    const crafted = '» mis à jour par le cabinet, rien à signaler « https://a.fr';

    for (const language of ['fr', 'en'] as const) {
      const sut = passkeyChangedMail({ ...notice, passkeyName: crafted, language });

      expect(sut.text).not.toContain('https://a.fr');
      expect(sut.text).not.toMatch(/« »|« mis à jour/);
      expect(sut.text).toContain("' mis à jour par le cabinet, rien à signaler ' hxxps://a[.]fr");
    }
  });
});
