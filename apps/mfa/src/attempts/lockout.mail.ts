import { IdentityPatterns, Language, Mail, Mailer, RpcClient } from '@app/common';
import { Injectable } from '@nestjs/common';
import { LOCK_SECONDS, USER_FAILURES_BEFORE_LOCK } from './attempt-limits';

const LOCK_MINUTES = LOCK_SECONDS / 60;

export interface LockoutNotice {
  email: string;
  name: string;
  /** The user's stored language. */
  language: Language;
}

const wording: Record<Language, (name: string) => Omit<Mail, 'to'>> = {
  fr: (name) => ({
    subject: 'Authentification à deux facteurs bloquée',
    text: [
      `Bonjour ${name},`,
      '',
      `Après ${USER_FAILURES_BEFORE_LOCK} codes de vérification erronés, l'authentification à deux facteurs`,
      `de votre compte est bloquée pendant ${LOCK_MINUTES} minutes.`,
      'Si ce n’était pas vous, quelqu’un connaît peut-être votre mot de passe : changez-le dès que possible.',
      '',
    ].join('\n'),
  }),
  en: (name) => ({
    subject: 'Two-factor authentication locked',
    text: [
      `Hello ${name},`,
      '',
      `After ${USER_FAILURES_BEFORE_LOCK} wrong verification codes, two-factor authentication of your account`,
      `is locked for ${LOCK_MINUTES} minutes.`,
      'If this was not you, someone may know your password: change it as soon as you can.',
      '',
    ].join('\n'),
  }),
};

export function lockoutMail(notice: LockoutNotice): Mail {
  return { to: { name: notice.name, address: notice.email }, ...wording[notice.language](notice.name) };
}

/** Tells a user that their second factor locked: someone may hold their password. */
@Injectable()
export class LockoutMail {
  constructor(
    private readonly rpc: RpcClient,
    private readonly mailer: Mailer,
  ) {}

  /** In the background, never throwing: the lock holds whether or not the user hears of it. */
  send(userId: string): void {
    this.mailer.sendLater(`the lockout notice of user ${userId}`, async () =>
      lockoutMail(await this.rpc.request(IdentityPatterns.getUser, { userId })),
    );
  }
}
