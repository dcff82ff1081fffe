import { Language, Mail, Mailer } from '@app/common';
import { Injectable } from '@nestjs/common';
import { User } from '../users/user.entity';
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

@Injectable()
export class PasswordResetMail {
  constructor(
    private readonly mailer: Mailer,
    private readonly portal: UserPortal,
  ) {}

  /** In the background, the portal looked up and retried with the mail: see `Mailer.sendLater`. */
  send(user: User, token: string, language: Language): void {
    const { id, email, name } = user;
    this.mailer.sendLater(`a password reset link to user ${id}`, async () => {
      const link = `${await this.portal.originOf(id)}/reset-password/${token}`;
      return passwordResetMail({ email, name, link, language });
    });
  }
}
