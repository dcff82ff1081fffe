import { Language, MemberSummary } from '@app/contracts';
import { Mail, quotedWords } from '@app/platform/service';

export interface HelpRequestNotice {
  /**
   * The mail is in the admin's stored language, and greets no one by name: the
   * account's is the one the first firm to add the email typed, maybe another.
   */
  admin: { email: string; language: Language };
  client: MemberSummary;
  companyName: string;
  /** The requests page on the portal's primary host, from configuration: where the admin acts. */
  requestsUrl: string;
  /** What the client wrote, if anything: free text from someone who has not passed 2FA. */
  message: string | null;
}

/** A help request's message is quoted (quotedWords) up to this many characters. */
const QUOTED_AT_MOST = 500;
const quotedMessage = (message: string): string => quotedWords(message, QUOTED_AT_MOST);

const wording: Record<Language, (notice: HelpRequestNotice, who: string) => Omit<Mail, 'to'>> = {
  fr: ({ client, companyName, requestsUrl, message }, who) => ({
    subject: `Demande d'aide à la connexion : ${client.name}`,
    text: [
      'Bonjour,',
      '',
      `${who} n'a plus accès à son application d'authentification`,
      `et ne peut plus se connecter au portail client de ${companyName}.`,
      ...(message ? ['Son message, tel que saisi (rien ne garantit encore qui l\'a écrit) :', `« ${quotedMessage(message)} »`] : []),
      "Pour désactiver son authentification à deux facteurs, ouvrez la page des demandes de votre portail :",
      requestsUrl,
      "Assurez-vous d'abord que la demande vient bien de cette personne, par exemple en l'appelant au numéro que vous connaissez déjà, jamais à un numéro donné dans la demande.",
      '',
    ].join('\n'),
  }),
  en: ({ client, companyName, requestsUrl, message }, who) => ({
    subject: `Sign-in help request: ${client.name}`,
    text: [
      'Hello,',
      '',
      `${who} no longer has access to their authenticator app`,
      `and cannot sign in to the ${companyName} client portal.`,
      ...(message ? ['Their message, as typed (nothing yet proves who wrote it):', `"${quotedMessage(message)}"`] : []),
      'To turn off their two-factor authentication, open the requests page of your portal:',
      requestsUrl,
      'First make sure the request really comes from this person, for instance by calling them on the number you already know, never on one given in the request.',
      '',
    ].join('\n'),
  }),
};

/**
 * Tells an admin that a client cannot use their authenticator app, with the
 * client's message quoted (see quotedWords): the admin reads it as the
 * words of whoever knows the password, which is all a help request proves.
 */
export function helpRequestMail(notice: HelpRequestNotice): Mail {
  const { admin, client } = notice;
  return { to: admin.email, ...wording[admin.language](notice, `${client.name} (${client.email})`) };
}

/** What the user is asked to confirm: the request to one company, its link, and its message as the admins will read it. */
export interface HelpRequestToConfirm {
  companyName: string;
  confirmUrl: string;
  message: string | null;
}

const confirmationWording: Record<Language, (request: HelpRequestToConfirm) => Omit<Mail, 'to'>> = {
  fr: ({ companyName, confirmUrl, message }) => ({
    subject: 'Confirmez votre demande d’aide',
    text: [
      `Une demande de désactivation de votre authentification à deux facteurs vient d’être faite pour ${companyName}, depuis une connexion à votre compte (par votre mot de passe ou votre compte Google).`,
      message ? `Son message, que liront ses administrateurs : « ${quotedMessage(message)} »` : 'Elle ne comporte pas de message.',
      `Si c’est vous, ouvrez ce lien et appuyez sur « Confirmer ma demande » : elle sera alors envoyée aux administrateurs de ${companyName}, qui pourront désactiver votre authentification à deux facteurs (et retirer vos passkeys) pour tous vos portails, après avoir vérifié qu’elle vient bien de vous.`,
      confirmUrl,
      "Si ce n’est pas vous, ou si ce message n'est pas le vôtre, ne confirmez rien : quelqu'un se connecte à votre place. Changez votre mot de passe dès maintenant (« Mot de passe oublié » sur la page de connexion de votre portail), et sécurisez votre compte Google si vous l'utilisez pour vous connecter.",
      '',
    ].join('\n'),
  }),
  en: ({ companyName, confirmUrl, message }) => ({
    subject: 'Confirm your help request',
    text: [
      `A request to turn off your two-factor authentication was just made for ${companyName}, from a sign-in to your account (with your password or your Google account).`,
      message ? `Its message, as its admins will read it: "${quotedMessage(message)}"` : 'It carries no message.',
      `If it was you, open this link and press "Confirm my request": it then goes to the admins of ${companyName}, who may turn off your two-factor authentication (and remove your passkeys) for all your portals, once they have made sure it comes from you.`,
      confirmUrl,
      'If it was not you, or this message is not yours, confirm nothing: someone is signing in as you. Change your password now ("Forgot password" on your portal\'s sign-in page), and secure your Google account if you sign in with it.',
      '',
    ].join('\n'),
  }),
};

/**
 * Asks the user to confirm a request made in their name: whoever has the
 * password can make one, the mailbox is what tells the user from them.
 */
export function helpRequestConfirmationMail(user: { email: string; language: Language }, request: HelpRequestToConfirm): Mail {
  return { to: user.email, ...confirmationWording[user.language](request) };
}
