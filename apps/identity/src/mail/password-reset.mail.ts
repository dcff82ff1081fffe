import { Language, Mail, Mailer } from '@app/common';
import { Injectable } from '@nestjs/common';
import { User } from '../users/user.entity';

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
  constructor(private readonly mailer: Mailer) {}

  /** In the background: see `Mailer.sendLater`. */
  send(user: User, link: string, language: Language): void {
    this.mailer.sendLater(
      `a password reset link to user ${user.id}`,
      passwordResetMail({ email: user.email, name: user.name, link, language }),
    );
  }
}
