import { IdentityPatterns, Mailer, RpcClient } from '@app/common';
import { Injectable, Logger } from '@nestjs/common';
import { LOCK_SECONDS, USER_FAILURES_BEFORE_LOCK } from './attempt-limits';

const LOCK_MINUTES = LOCK_SECONDS / 60;

/** Tells a user that their second factor locked: someone may hold their password. */
@Injectable()
export class LockoutMail {
  private readonly logger = new Logger(LockoutMail.name);

  constructor(
    private readonly rpc: RpcClient,
    private readonly mailer: Mailer,
  ) {}

  /** Never throws: the lock holds whether or not the user hears of it. */
  async send(userId: string): Promise<void> {
    try {
      const user = await this.rpc.request(IdentityPatterns.getUser, { userId });
      await this.mailer.send({ to: user.email, subject: SUBJECT, text: textFor(user.name) });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.logger.error(`The lockout notice of user ${userId} was not mailed: ${reason}`);
    }
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
