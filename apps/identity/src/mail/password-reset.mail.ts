import { Mailer } from '@app/common';
import { Injectable } from '@nestjs/common';
import { User } from '../users/user.entity';

@Injectable()
export class PasswordResetMail {
  constructor(private readonly mailer: Mailer) {}

  /** In the background: see `Mailer.sendLater`. */
  send(user: User, link: string): void {
    this.mailer.sendLater(`a password reset link to user ${user.id}`, {
      to: user.email,
      subject: 'Réinitialisation de votre mot de passe / Reset your password',
      text: [
        `Bonjour ${user.name},`,
        '',
        'Pour choisir un nouveau mot de passe, ouvrez ce lien dans l’heure :',
        link,
        '',
        'Si vous n’avez rien demandé, ignorez ce message : votre mot de passe reste inchangé.',
        '',
        '---',
        '',
        `Hello ${user.name},`,
        '',
        'To choose a new password, open this link within the hour:',
        link,
        '',
        'If you did not ask for this, ignore this message: your password stays as it is.',
        '',
      ].join('\n'),
    });
  }
}
