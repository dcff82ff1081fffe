import { SecondFactorDisabledNotice, secondFactorDisabledMail } from './second-factor-disabled-mail';

const noticeFor = (overrides: Partial<SecondFactorDisabledNotice> = {}): SecondFactorDisabledNotice => ({
  email: 'claire@example.com',
  name: 'Claire',
  companyName: 'Acme Comptabilité',
  adminName: 'Alice Martin',
  passkeysRemoved: 0,
  language: 'fr',
  notMeLink: null,
  ...overrides,
});

describe(secondFactorDisabledMail.name, () => {
  it('is addressed to the member, in French for a French-speaking member', () => {
    const mail = secondFactorDisabledMail(noticeFor());

    expect(mail.to).toBe('claire@example.com');
    expect(mail.subject).toBe('Authentification à deux facteurs désactivée');
    expect(mail.text).toMatch(/^Bonjour Claire,\n/);
    expect(mail.text).not.toContain('Hello');
  });

  it('is in English only for an English-speaking member', () => {
    const mail = secondFactorDisabledMail(noticeFor({ language: 'en' }));

    expect(mail.subject).toBe('Two-factor authentication turned off');
    expect(mail.text).toMatch(/^Hello Claire,\n/);
    expect(mail.text).not.toContain('Bonjour');
  });

  it('names the admin who acted and their company, in the words of the portal', () => {
    expect(secondFactorDisabledMail(noticeFor()).text).toContain(
      "Alice Martin, administrateur de Acme Comptabilité, a désactivé l'authentification à deux facteurs",
    );
    expect(secondFactorDisabledMail(noticeFor({ language: 'en' })).text).toContain(
      'Alice Martin, an admin of Acme Comptabilité, turned off two-factor authentication',
    );
  });

  it('tells the member to sign in with the password and that 2FA can be set up again', () => {
    const french = secondFactorDisabledMail(noticeFor()).text;
    const english = secondFactorDisabledMail(noticeFor({ language: 'en' })).text;

    expect(french).toContain('Connectez-vous désormais avec votre mot de passe');
    expect(french).toContain("Vous pouvez réactiver l'authentification à deux facteurs");
    expect(english).toContain('Sign in with your password');
    expect(english).toContain('You may set up two-factor authentication again');
  });

  it('says nothing of passkeys to a member who had none', () => {
    expect(secondFactorDisabledMail(noticeFor()).text).not.toContain("clé d'accès");
    expect(secondFactorDisabledMail(noticeFor({ language: 'en' })).text).not.toContain('passkey');
  });

  it('tells the member that their passkeys no longer sign in, in the singular or the plural', () => {
    expect(secondFactorDisabledMail(noticeFor({ passkeysRemoved: 1 })).text).toContain(
      "Votre clé d'accès a été supprimée : elle ne permet plus de vous connecter.",
    );
    expect(secondFactorDisabledMail(noticeFor({ passkeysRemoved: 3 })).text).toContain(
      "Vos 3 clés d'accès ont été supprimées : elles ne permettent plus de vous connecter.",
    );
    expect(secondFactorDisabledMail(noticeFor({ passkeysRemoved: 1, language: 'en' })).text).toContain(
      'Your passkey was removed: it no longer signs you in.',
    );
    expect(secondFactorDisabledMail(noticeFor({ passkeysRemoved: 3, language: 'en' })).text).toContain(
      'Your 3 passkeys were removed: they no longer sign you in.',
    );
  });

  it('ends with the "this wasn\'t me" link when it has one, in either language', () => {
    const link = 'https://acme.example.com/not-me/secret';

    expect(secondFactorDisabledMail(noticeFor({ notMeLink: link })).text).toMatch(/Si ce n'était pas vous, ouvrez ce lien dans les 7 jours .*\nhttps:\/\/acme\.example\.com\/not-me\/secret\n$/);
    expect(secondFactorDisabledMail(noticeFor({ notMeLink: link, language: 'en' })).text).toContain(`within 7 days: all your sessions`);
    expect(secondFactorDisabledMail(noticeFor()).text).not.toContain('/not-me/');
  });
});
