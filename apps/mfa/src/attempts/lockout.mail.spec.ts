import { USER_FAILURES_BEFORE_LOCK } from './attempt-limits';

const LOCK_SECONDS = 15 * 60;
import { LockoutNotice, lockoutMail } from './lockout.mail';

const noticeFor = (overrides: Partial<LockoutNotice> = {}): LockoutNotice => ({
  email: 'claire@example.com',
  language: 'fr',
  ...overrides,
});

describe(lockoutMail.name, () => {
  it('is addressed to the user, in French for a French-speaking user, in the words of the portal', () => {
    const mail = lockoutMail(noticeFor(), LOCK_SECONDS);

    expect(mail.to).toBe('claire@example.com');
    expect(mail.subject).toBe('Authentification à deux facteurs bloquée');
    expect(mail.text).toMatch(/^Bonjour,\n/);
    expect(mail.text).toContain(`Après ${USER_FAILURES_BEFORE_LOCK} codes de vérification erronés, l'authentification à deux facteurs`);
    expect(mail.text).toContain(`est bloquée pendant ${LOCK_SECONDS / 60} minutes`);
    expect(mail.text).not.toContain('Hello');
  });

  it('is in English only for an English-speaking user', () => {
    const mail = lockoutMail(noticeFor({ language: 'en' }), LOCK_SECONDS);

    expect(mail.subject).toBe('Two-factor authentication locked');
    expect(mail.text).toMatch(/^Hello,\n/);
    expect(mail.text).toContain(`After ${USER_FAILURES_BEFORE_LOCK} wrong verification codes, two-factor authentication of your account`);
    expect(mail.text).toContain(`is locked for ${LOCK_SECONDS / 60} minutes`);
    expect(mail.text).not.toContain('Bonjour');
  });

  it.each(['fr', 'en'] as const)('tells the user to change the password (%s)', (language) => {
    const { text } = lockoutMail(noticeFor({ language }), LOCK_SECONDS);

    expect(text).toContain(language === 'fr' ? 'changez-le dès que possible' : 'change it as soon as you can');
  });

  it('says how long a later, longer lock lasts', () => {
    expect(lockoutMail(noticeFor({ language: 'en' }), 2 * LOCK_SECONDS).text).toContain('is locked for 30 minutes');
  });

  it.each([
    ['fr', 'connectez-vous avec un code de secours'],
    ['en', 'sign in with a recovery code'],
  ] as const)('once the factor is locked for good, points to the recovery codes and the admins (%s)', (language, hint) => {
    expect(lockoutMail(noticeFor({ language }), null).text).toContain(hint);
  });
});
