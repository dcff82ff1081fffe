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
          'votre mot de passe ne fonctionnera plus, et vous recevrez un lien pour en choisir un nouveau.',
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
          'your password will stop working, and you will receive a link to choose a new one.',
      ),
      '',
    ].join('\n'),
  }),
};

/** Tells the member that an admin turned their 2FA off, naming the admin and the company. */
export function secondFactorDisabledMail(notice: SecondFactorDisabledNotice): Mail {
  return { to: notice.email, ...wording[notice.language](notice) };
}

export interface FactorOffNotice {
  /** An admin of one of the user's companies that require the code, written to in their language, and greeted by no name (HelpRequestNotice). */
  admin: { email: string; language: Language };
  client: { email: string; name: string };
  /** The admin's own company: who acted is never said. */
  companyName: string;
}

const noticeWording: Record<Language, (notice: FactorOffNotice) => Omit<Mail, 'to'>> = {
  fr: ({ client, companyName }) => ({
    subject: `Authentification à deux facteurs désactivée : ${client.name}`,
    text: [
      'Bonjour,',
      '',
      `L'authentification à deux facteurs de ${client.name} (${client.email}), client de ${companyName}, a été désactivée à sa demande.`,
      'Votre portail l\'exige : il en configurera une nouvelle à sa prochaine connexion, avec son mot de passe.',
      "Si cela vous semble inattendu, contactez-le au numéro que vous connaissez déjà : quelqu'un d'autre pourrait connaître son mot de passe.",
      '',
    ].join('\n'),
  }),
  en: ({ client, companyName }) => ({
    subject: `Two-factor authentication turned off: ${client.name}`,
    text: [
      'Hello,',
      '',
      `The two-factor authentication of ${client.name} (${client.email}), a client of ${companyName}, was turned off at their request.`,
      'Your portal requires it: they will set up a new one at their next sign-in, with their password.',
      'If this seems unexpected, call them on the number you already know: someone else may know their password.',
      '',
    ].join('\n'),
  }),
};

/**
 * Tells an admin of a company that requires the code that a client's factor
 * is gone, the same words whoever turned it off (the client, or another
 * company's admin at her request): a strict firm hears of what a lax firm's
 * help desk did, and may check with its client, but not that she has another firm.
 */
export function factorOffNoticeMail(notice: FactorOffNotice): Mail {
  return { to: notice.admin.email, ...noticeWording[notice.admin.language](notice) };
}
