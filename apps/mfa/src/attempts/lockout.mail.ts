import { IdentityPatterns, Language } from '@app/contracts';
import { RpcClient } from '@app/platform';
import { Mail, MailOutbox, MailWriter } from '@app/platform/service';
import { Injectable } from '@nestjs/common';
import { USER_FAILURES_BEFORE_LOCK } from './attempt-limits';

export interface LockoutNotice {
  email: string;
  /** The user's stored language. */
  language: Language;
}

/** How long the lock lasts, in seconds; null: until a recovery code or an admin lifts it. */
export type LockLength = number | null;

const minutesOf = (seconds: number) => Math.ceil(seconds / 60);

/**
 * No name: the account's is the one the first firm to add the email typed,
 * which must not open a mail about her other firms (identity's mails neither).
 */
const wording: Record<Language, (lock: LockLength) => Omit<Mail, 'to'>> = {
  fr: (lock) => ({
    subject: 'Authentification à deux facteurs bloquée',
    text: [
      'Bonjour,',
      '',
      lock === null
        ? "Après trop de codes de vérification erronés à la suite, l'authentification à deux facteurs"
        : `Après ${USER_FAILURES_BEFORE_LOCK} codes de vérification erronés, l'authentification à deux facteurs`,
      lock === null
        ? 'de votre compte est bloquée : connectez-vous avec un code de secours, ou demandez à un administrateur de la désactiver.'
        : `de votre compte est bloquée pendant ${minutesOf(lock)} minutes.`,
      'Si ce n’était pas vous, quelqu’un connaît peut-être votre mot de passe : changez-le dès que possible.',
      '',
    ].join('\n'),
  }),
  en: (lock) => ({
    subject: 'Two-factor authentication locked',
    text: [
      'Hello,',
      '',
      lock === null
        ? 'After too many wrong verification codes in a row, two-factor authentication of your account'
        : `After ${USER_FAILURES_BEFORE_LOCK} wrong verification codes, two-factor authentication of your account`,
      lock === null
        ? 'is locked: sign in with a recovery code, or ask an admin to turn it off.'
        : `is locked for ${minutesOf(lock)} minutes.`,
      'If this was not you, someone may know your password: change it as soon as you can.',
      '',
    ].join('\n'),
  }),
};

export function lockoutMail(notice: LockoutNotice, lock: LockLength): Mail {
  return { to: notice.email, ...wording[notice.language](lock) };
}

export interface LockoutRecord {
  userId: string;
  lock: LockLength;
}

/** Tells a user that their second factor locked: someone may hold their password. The user is looked up when the mail is written. */
@Injectable()
export class LockoutMail extends MailWriter<LockoutRecord> {
  readonly kind = 'lockout';

  constructor(
    outbox: MailOutbox,
    private readonly rpc: RpcClient,
  ) {
    super(outbox);
  }

  about({ userId }: LockoutRecord): string {
    return `the lockout notice of user ${userId}`;
  }

  async write({ userId, lock }: LockoutRecord): Promise<Mail> {
    return lockoutMail(await this.rpc.request(IdentityPatterns.getUser, { userId }), lock);
  }
}
