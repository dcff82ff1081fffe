import { Language } from '@app/contracts';
import { Mail, MailOutbox, MailWriter } from '@app/platform/service';
import { Injectable } from '@nestjs/common';
import { MailLinks } from './mail-links';

export interface PasswordReset {
  email: string;
  link: string;
  /** The requester's, not the stored one: whoever asks reads the mail they asked for. */
  language: Language;
  /** Sent after "this wasn't me", which withdrew the password: no "ignore this message". */
  passwordWithdrawn?: boolean;
}

/**
 * The account's mails greet no one by name: its name is the one typed by
 * the first firm that added the email, which may be another firm than the
 * one she uses, and a firm's words, a link among them, must not read as
 * the mail's own (identity-mail-names.e2e-spec.ts).
 */
const wording: Record<Language, (reset: PasswordReset) => Omit<Mail, 'to'>> = {
  fr: ({ link, passwordWithdrawn }) => ({
    subject: 'Réinitialisation de votre mot de passe',
    text: [
      'Bonjour,',
      '',
      'Pour choisir un nouveau mot de passe, ouvrez ce lien dans l’heure :',
      link,
      '',
      passwordWithdrawn
        ? 'Vous nous avez signalé une activité qui n’était pas la vôtre : votre ancien mot de passe ne fonctionne plus. Passé une heure, demandez un autre lien depuis « Mot de passe oublié ? ».'
        : 'Si vous n’avez rien demandé, ignorez ce message : votre mot de passe reste inchangé.',
      '',
    ].join('\n'),
  }),
  en: ({ link, passwordWithdrawn }) => ({
    subject: 'Reset your password',
    text: [
      'Hello,',
      '',
      'To choose a new password, open this link within the hour:',
      link,
      '',
      passwordWithdrawn
        ? 'You told us of activity that was not yours: your old password no longer works. After an hour, ask for another link from "Forgot your password?".'
        : 'If you did not ask for this, ignore this message: your password stays as it is.',
      '',
    ].join('\n'),
  }),
};

export function passwordResetMail(reset: PasswordReset): Mail {
  return { to: reset.email, ...wording[reset.language](reset) };
}

/** What the reset mail is written from. The token is here in clear until the mail is accepted, as it is in the mail. */
export interface PasswordResetNotice {
  userId: string;
  email: string;
  token: string;
  language: Language;
  /** Absent from notices recorded before "this wasn't me" withdrew the password, and from a forgotten password's. */
  passwordWithdrawn?: boolean;
}

/** The link opens on the easy access host (MailLinks), whatever firms the user has. */
@Injectable()
export class PasswordResetMail extends MailWriter<PasswordResetNotice> {
  readonly kind = 'password-reset';

  constructor(
    outbox: MailOutbox,
    private readonly links: MailLinks,
  ) {
    super(outbox);
  }

  about({ userId }: PasswordResetNotice): string {
    return `a password reset link to user ${userId}`;
  }

  async write({ email, token, language, passwordWithdrawn }: PasswordResetNotice): Promise<Mail> {
    const link = `${this.links.origin}/reset-password/${token}`;
    return passwordResetMail({ email, link, language, passwordWithdrawn });
  }
}
