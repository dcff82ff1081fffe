import { securityAlertMail } from './security-alert.mail';

describe(securityAlertMail.name, () => {
  const at = Date.UTC(2026, 11, 3, 21, 46);
  const link = 'https://dupont.example.com/not-me/secret';
  const sighting = { device: 'Firefox · Windows', address: '203.0.113.7', portal: 'Cabinet Dupont' };

  test('a new sign-in says where, from what and when, and ends with the link, in French', () => {
    const sut = securityAlertMail({ email: 'claire@example.com', language: 'fr', alert: { kind: 'new_sign_in', sighting }, at }, link);

    expect(sut.to).toBe('claire@example.com');
    expect(sut.subject).toBe('Nouvelle connexion à votre compte');
    expect(sut.text).toBe(
      [
        'Bonjour,',
        '',
        "Quelqu'un s'est connecté à votre compte depuis un navigateur qui ne l'avait encore jamais fait :",
        'Navigateur : Firefox · Windows',
        'Adresse IP : 203.0.113.7',
        'Portail : Cabinet Dupont',
        'Date : 3 décembre 2026 à 21:46 (UTC)',
        '',
        "Si c'était vous, vous n'avez rien à faire.",
        "Si ce n'était pas vous, ouvrez ce lien dans les 7 jours : toutes vos sessions et vos appareils seront déconnectés, votre mot de passe ne fonctionnera plus, " +
          "les clés d'accès, la double authentification, les codes de récupération et le compte Google ajoutés depuis seront retirés, et vous recevrez un lien pour choisir un nouveau mot de passe.",
        link,
        '',
      ].join('\n'),
    );
  });

  test('a browser that did not say what it is is "unknown"; English words and date', () => {
    const alert = { kind: 'new_sign_in' as const, sighting: { ...sighting, device: null, portal: null } };
    const sut = securityAlertMail({ email: 'james@example.com', language: 'en', alert, at }, link);

    expect(sut.subject).toBe('New sign-in to your account');
    expect(sut.text).toContain('Browser: unknown\nIP address: 203.0.113.7\nDate: 3 December 2026 at 21:46 (UTC)');
    expect(sut.text).not.toContain('Portal:');
  });

  test.each([
    ['password_changed', 'Votre mot de passe a été changé'],
    ['password_reset', 'Votre mot de passe a été réinitialisé'],
    ['totp_enabled', "L'authentification à deux facteurs a été activée"],
    ['totp_disabled', "L'authentification à deux facteurs a été désactivée"],
  ] as const)('%s: its own subject, the date and the link', (kind, subject) => {
    const sut = securityAlertMail({ email: 'claire@example.com', language: 'fr', alert: { kind }, at }, link);

    expect(sut.subject).toBe(subject);
    expect(sut.text).toContain('Date : 3 décembre 2026');
    expect(sut.text).toContain(`\n${link}\n`);
  });
});
