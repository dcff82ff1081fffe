import { Language } from '@app/contracts';
import { Mail, MailOutbox, MailWriter } from '@app/platform/service';
import { Injectable } from '@nestjs/common';
import { UserPortal } from './user-portal';

export interface PasswordReset {
  email: string;
  name: string;
  link: string;
  /** The requester's, not the stored one: whoever asks reads the mail they asked for. */
  language: Language;
}

const wording: Record<Language, (reset: PasswordReset) => Omit<Mail, 'to'>> = {
  fr: ({ name, link }) => ({
    subject: 'Réinitialisation de votre mot de passe',
    text: [
      `Bonjour ${name},`,
      '',
      'Pour choisir un nouveau mot de passe, ouvrez ce lien dans l’heure :',
      link,
      '',
      'Si vous n’avez rien demandé, ignorez ce message : votre mot de passe reste inchangé.',
      '',
    ].join('\n'),
  }),
  en: ({ name, link }) => ({
    subject: 'Reset your password',
    text: [
      `Hello ${name},`,
      '',
      'To choose a new password, open this link within the hour:',
      link,
      '',
      'If you did not ask for this, ignore this message: your password stays as it is.',
      '',
    ].join('\n'),
  }),
};

export function passwordResetMail(reset: PasswordReset): Mail {
  return { to: { name: reset.name, address: reset.email }, ...wording[reset.language](reset) };
}

/** What the reset mail is written from. The token is here in clear until the mail is accepted, as it is in the mail. */
export interface PasswordResetNotice {
  userId: string;
  email: string;
  name: string;
  token: string;
  language: Language;
}

/** The portal is looked up when the mail is written: the reset never waits on tenancy. */
@Injectable()
export class PasswordResetMail extends MailWriter<PasswordResetNotice> {
  readonly kind = 'password-reset';

  constructor(
    outbox: MailOutbox,
    private readonly portal: UserPortal,
  ) {
    super(outbox);
  }

  about({ userId }: PasswordResetNotice): string {
    return `a password reset link to user ${userId}`;
  }

  async write({ userId, email, name, token, language }: PasswordResetNotice): Promise<Mail> {
    const link = `${await this.portal.originOf(userId)}/reset-password/${token}`;
    return passwordResetMail({ email, name, link, language });
  }
}
