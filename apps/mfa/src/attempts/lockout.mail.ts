import { IdentityPatterns, Mailer, RpcClient } from '@app/common';
import { Injectable } from '@nestjs/common';
import { LOCK_SECONDS, USER_FAILURES_BEFORE_LOCK } from './attempt-limits';

const LOCK_MINUTES = LOCK_SECONDS / 60;

/** Tells a user that their second factor locked: someone may hold their password. */
@Injectable()
export class LockoutMail {
  constructor(
    private readonly rpc: RpcClient,
    private readonly mailer: Mailer,
  ) {}

  /** In the background, never throwing: the lock holds whether or not the user hears of it. */
  send(userId: string): void {
    this.mailer.sendLater(`the lockout notice of user ${userId}`, async () => {
      const user = await this.rpc.request(IdentityPatterns.getUser, { userId });
      return { to: user.email, subject: SUBJECT, text: textFor(user.name) };
    });
  }
}

const SUBJECT = 'Vérification en deux étapes bloquée / Two-step verification locked';

function textFor(name: string): string {
  return [
    `Bonjour ${name},`,
    '',
    `Après ${USER_FAILURES_BEFORE_LOCK} codes de vérification erronés, la vérification en deux étapes`,
    `de votre compte est bloquée pendant ${LOCK_MINUTES} minutes.`,
    'Si ce n’était pas vous, quelqu’un connaît peut-être votre mot de passe : changez-le dès que possible.',
    '',
    '---',
    '',
    `Hello ${name},`,
    '',
    `After ${USER_FAILURES_BEFORE_LOCK} wrong verification codes, two-step verification of your account`,
    `is locked for ${LOCK_MINUTES} minutes.`,
    'If this was not you, someone may know your password: change it as soon as you can.',
    '',
  ].join('\n');
}
