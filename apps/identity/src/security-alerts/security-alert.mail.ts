import { Language, SecurityAlert } from '@app/contracts';
import { Mail, MailOutbox, MailWriter, quotedWords } from '@app/platform/service';
import { Injectable } from '@nestjs/common';
import { MailLinks } from '../mail/mail-links';

/** What an alert mail is written from. The link's secret is here in clear until the mail is accepted, as it is in the mail. */
export interface SecurityAlertNotice {
  userId: string;
  email: string;
  language: Language;
  alert: SecurityAlert;
  /** When the change happened, ms. */
  at: number;
  /** The "this wasn't me" link's secret. */
  token: string;
}

/** A device's name is quoted (quotedWords) up to this many characters: enough to know one's own phone by. */
const DEVICE_NAME_AT_MOST = 40;
/**
 * A device's name is typed by whoever registered it, who may be the
 * intruder the mail warns of: quoted and cut short, it cannot read as the
 * mail's own words ("update from your firm, nothing to do").
 */
const deviceName = (name: string): string => quotedWords(name, DEVICE_NAME_AT_MOST);

interface Words {
  subject: Record<SecurityAlert['kind'], string>;
  what: (alert: SecurityAlert) => string;
  details: (alert: SecurityAlert, when: string) => string[];
  /** No name: see identity's password-reset mail. */
  greeting: string;
  wasYou: string;
  notYou: string;
  timeZone: string;
}

const wording: Record<Language, Words> = {
  fr: {
    subject: {
      new_sign_in: 'Nouvelle connexion à votre compte',
      password_changed: 'Votre mot de passe a été changé',
      password_reset: 'Votre mot de passe a été réinitialisé',
      totp_enabled: "L'authentification à deux facteurs a été activée",
      totp_disabled: "L'authentification à deux facteurs a été désactivée",
      recovery_codes_regenerated: 'Vos codes de récupération ont été remplacés',
      device_registered: 'Un appareil mobile a été ajouté à votre compte',
      google_linked: 'Un compte Google a été lié à votre compte',
    },
    what: (alert) =>
      ({
        new_sign_in: "Quelqu'un s'est connecté à votre compte depuis un navigateur qui ne l'avait encore jamais fait :",
        password_changed: 'Le mot de passe de votre compte a été changé.',
        password_reset: 'Le mot de passe de votre compte a été réinitialisé par un lien envoyé à cette adresse.',
        totp_enabled: "L'authentification à deux facteurs a été activée : chaque connexion demandera un code.",
        totp_disabled: "L'authentification à deux facteurs a été désactivée : votre mot de passe suffit désormais pour vous connecter.",
        recovery_codes_regenerated: 'De nouveaux codes de récupération ont été créés pour votre compte : les anciens ne fonctionnent plus.',
        device_registered: "Un appareil mobile peut désormais ouvrir votre compte avec un code PIN :",
        google_linked: "Le compte Google de votre adresse e-mail a servi à se connecter : il ouvre désormais votre compte sans mot de passe.",
      })[alert.kind],
    details: (alert, when) => [
      ...(alert.kind === 'new_sign_in'
        ? [
            `Navigateur : ${alert.sighting.device ?? 'inconnu'}`,
            `Adresse IP : ${alert.sighting.address}`,
            ...(alert.sighting.portal ? [`Portail : ${alert.sighting.portal}`] : []),
          ]
        : []),
      ...(alert.kind === 'device_registered' ? [`Appareil, tel que nommé par qui l'a ajouté : « ${deviceName(alert.device)} »`] : []),
      `Date : ${when}`,
    ],
    greeting: 'Bonjour,',
    wasYou: "Si c'était vous, vous n'avez rien à faire.",
    notYou:
      "Si ce n'était pas vous, ouvrez ce lien dans les 7 jours : toutes vos sessions et vos appareils seront déconnectés, votre mot de passe ne fonctionnera plus, " +
      "les clés d'accès, la double authentification, les codes de récupération et le compte Google ajoutés depuis seront retirés, et vous recevrez un lien pour choisir un nouveau mot de passe.",
    timeZone: 'UTC',
  },
  en: {
    subject: {
      new_sign_in: 'New sign-in to your account',
      password_changed: 'Your password was changed',
      password_reset: 'Your password was reset',
      totp_enabled: 'Two-factor authentication was turned on',
      totp_disabled: 'Two-factor authentication was turned off',
      recovery_codes_regenerated: 'Your recovery codes were replaced',
      device_registered: 'A mobile device was added to your account',
      google_linked: 'A Google account was linked to your account',
    },
    what: (alert) =>
      ({
        new_sign_in: 'Someone signed in to your account from a browser that had never done so before:',
        password_changed: 'The password of your account was changed.',
        password_reset: 'The password of your account was reset with a link sent to this address.',
        totp_enabled: 'Two-factor authentication was turned on: every sign-in will ask for a code.',
        totp_disabled: 'Two-factor authentication was turned off: your password alone now signs you in.',
        recovery_codes_regenerated: 'New recovery codes were made for your account: the old ones no longer work.',
        device_registered: 'A mobile device can now open your account with a PIN:',
        google_linked: 'The Google account of your email address was used to sign in: it now opens your account without a password.',
      })[alert.kind],
    details: (alert, when) => [
      ...(alert.kind === 'new_sign_in'
        ? [
            `Browser: ${alert.sighting.device ?? 'unknown'}`,
            `IP address: ${alert.sighting.address}`,
            ...(alert.sighting.portal ? [`Portal: ${alert.sighting.portal}`] : []),
          ]
        : []),
      ...(alert.kind === 'device_registered' ? [`Device, as named by whoever added it: "${deviceName(alert.device)}"`] : []),
      `Date: ${when}`,
    ],
    greeting: 'Hello,',
    wasYou: 'If this was you, there is nothing to do.',
    notYou:
      'If this was not you, open this link within 7 days: all your sessions and devices will be signed out, your password will stop working, ' +
      'the passkeys, two-factor authentication, recovery codes and Google account added since will be removed, and you will receive a link to choose a new password.',
    timeZone: 'UTC',
  },
};

export function securityAlertMail(notice: Omit<SecurityAlertNotice, 'token' | 'userId'>, notMeLink: string): Mail {
  const words = wording[notice.language];
  const when = new Intl.DateTimeFormat(notice.language === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: words.timeZone,
  }).format(new Date(notice.at));
  return {
    to: notice.email,
    subject: words.subject[notice.alert.kind],
    text: [
      words.greeting,
      '',
      words.what(notice.alert),
      ...words.details(notice.alert, `${when} (${words.timeZone})`),
      '',
      words.wasYou,
      words.notYou,
      notMeLink,
      '',
    ].join('\n'),
  };
}

/**
 * The security alerts' one writer: the link opens on the easy access host
 * (MailLinks), never on a firm's, nor at a host a request came to.
 */
@Injectable()
export class SecurityAlertMail extends MailWriter<SecurityAlertNotice> {
  readonly kind = 'security-alert';

  constructor(
    outbox: MailOutbox,
    private readonly links: MailLinks,
  ) {
    super(outbox);
  }

  about({ userId, alert }: SecurityAlertNotice): string {
    return `a ${alert.kind} security alert to user ${userId}`;
  }

  async write(notice: SecurityAlertNotice): Promise<Mail> {
    return securityAlertMail(notice, `${this.links.origin}/not-me/${notice.token}`);
  }
}
