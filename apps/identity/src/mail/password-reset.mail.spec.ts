import { PasswordReset, passwordResetMail } from './password-reset.mail';

const resetFor = (overrides: Partial<PasswordReset> = {}): PasswordReset => ({
  email: 'claire@example.com',
  link: 'https://acme.example/reset-password/tok3n',
  language: 'fr',
  ...overrides,
});

describe(passwordResetMail.name, () => {
  it('is addressed to the user, in French when asked in French', () => {
    const mail = passwordResetMail(resetFor());

    expect(mail.to).toBe('claire@example.com');
    expect(mail.subject).toBe('Réinitialisation de votre mot de passe');
    expect(mail.text).toMatch(/^Bonjour,\n/);
    expect(mail.text).toContain('ouvrez ce lien dans l’heure');
    expect(mail.text).not.toContain('Hello');
  });

  it('is in English only when asked in English', () => {
    const mail = passwordResetMail(resetFor({ language: 'en' }));

    expect(mail.subject).toBe('Reset your password');
    expect(mail.text).toMatch(/^Hello,\n/);
    expect(mail.text).toContain('open this link within the hour');
    expect(mail.text).not.toContain('Bonjour');
  });

  it.each(['fr', 'en'] as const)('carries the link once (%s)', (language) => {
    const { text } = passwordResetMail(resetFor({ language }));

    expect(text.match(/https:\/\/acme\.example\/reset-password\/tok3n/g)).toHaveLength(1);
  });
});
