import { Language } from '@app/contracts';
import { Mail } from '@app/platform/service';

export interface SecondFactorDisabledNotice {
  email: string;
  name: string;
  companyName: string;
  /** The admin who acted: the user must know whom to ask if they did not ask. */
  adminName: string;
  /** The passkeys removed with the factor, on every portal: the user must know they no longer sign in. */
  passkeysRemoved: number;
  /** The member's stored language. */
  language: Language;
  /** "This wasn't me": ends every session and starts a reset; null in notices recorded before it existed. */
  notMeLink: string | null;
}

/** The security alerts' last lines, for a notice that has the link. */
function notMeLines(link: string | null, say: string): string[] {
  return link ? ['', say, link] : [];
}

/** Said only when there were some: most users have none. */
function passkeysLine(count: number, say: { one: string; many: (count: number) => string }): string[] {
  if (count === 0) return [];
  return [count === 1 ? say.one : say.many(count)];
}

const wording: Record<Language, (notice: SecondFactorDisabledNotice) => Omit<Mail, 'to'>> = {
  fr: ({ name, companyName, adminName, passkeysRemoved, notMeLink }) => ({
    subject: 'Authentification à deux facteurs désactivée',
    text: [
      `Bonjour ${name},`,
      '',
      `${adminName}, administrateur de ${companyName}, a désactivé l'authentification à deux facteurs de votre compte.`,
      ...passkeysLine(passkeysRemoved, {
        one: "Votre clé d'accès a été supprimée : elle ne permet plus de vous connecter.",
        many: (count) => `Vos ${count} clés d'accès ont été supprimées : elles ne permettent plus de vous connecter.`,
      }),
      'Connectez-vous désormais avec votre mot de passe ; vos appareils mobiles vous le demanderont à nouveau.',
      "Vous pouvez réactiver l'authentification à deux facteurs à tout moment.",
      `Si vous n'avez rien demandé, prévenez ${companyName} sans tarder.`,
      ...notMeLines(
        notMeLink,
        "Si ce n'était pas vous, ouvrez ce lien dans les 7 jours : toutes vos sessions et vos appareils seront déconnectés, " +
          'et vous recevrez un lien pour choisir un nouveau mot de passe.',
      ),
      '',
    ].join('\n'),
  }),
  en: ({ name, companyName, adminName, passkeysRemoved, notMeLink }) => ({
    subject: 'Two-factor authentication turned off',
    text: [
      `Hello ${name},`,
      '',
      `${adminName}, an admin of ${companyName}, turned off two-factor authentication for your account.`,
      ...passkeysLine(passkeysRemoved, {
        one: 'Your passkey was removed: it no longer signs you in.',
        many: (count) => `Your ${count} passkeys were removed: they no longer sign you in.`,
      }),
      'Sign in with your password from now on; your mobile devices will ask for it again.',
      'You may set up two-factor authentication again at any time.',
      `If you did not ask for this, tell ${companyName} at once.`,
      ...notMeLines(
        notMeLink,
        'If this was not you, open this link within 7 days: all your sessions and devices will be signed out, ' +
          'and you will receive a link to choose a new password.',
      ),
      '',
    ].join('\n'),
  }),
};

/** Tells the member that an admin turned their 2FA off, naming the admin and the company. */
export function secondFactorDisabledMail(notice: SecondFactorDisabledNotice): Mail {
  return { to: notice.email, ...wording[notice.language](notice) };
}
