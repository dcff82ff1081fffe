import { SecondFactorDisabledNotice, secondFactorDisabledMail } from './second-factor-disabled-mail';

const noticeFor = (overrides: Partial<SecondFactorDisabledNotice> = {}): SecondFactorDisabledNotice => ({
  email: 'claire@example.com',
  name: 'Claire',
  companyName: 'Acme Comptabilité',
  ...overrides,
});

describe(secondFactorDisabledMail.name, () => {
  it('is addressed to the member, French first then English', () => {
    const mail = secondFactorDisabledMail(noticeFor());

    expect(mail.to).toBe('claire@example.com');
    expect(mail.text.indexOf('Bonjour Claire')).toBeLessThan(mail.text.indexOf('Hello Claire'));
  });

  it('names the company whose admin acted, in both languages', () => {
    const { text } = secondFactorDisabledMail(noticeFor());

    expect(text).toContain('Un administrateur de Acme Comptabilité a désactivé');
    expect(text).toContain('An admin of Acme Comptabilité turned off two-step verification');
  });

  it('tells the member to sign in with the password and that 2FA can be set up again', () => {
    const { text } = secondFactorDisabledMail(noticeFor());

    expect(text).toContain('Connectez-vous désormais avec votre mot de passe');
    expect(text).toContain('Sign in with your password');
    expect(text).toContain('You may set up two-step verification again');
  });
});
