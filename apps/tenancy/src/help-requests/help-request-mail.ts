import { Language, MemberSummary } from '@app/contracts';
import { Mail } from '@app/platform/service';

export interface HelpRequestNotice {
  /** The mail is in the admin's stored language. */
  admin: { email: string; name: string; language: Language };
  client: MemberSummary;
  companyName: string;
  /** The requests page on the portal's primary host, from configuration: where the admin acts. */
  requestsUrl: string;
}

const wording: Record<Language, (notice: HelpRequestNotice, who: string) => Omit<Mail, 'to'>> = {
  fr: ({ admin, client, companyName, requestsUrl }, who) => ({
    subject: `Demande d'aide à la connexion : ${client.name}`,
    text: [
      `Bonjour ${admin.name},`,
      '',
      `${who} n'a plus accès à son application d'authentification`,
      `et ne peut plus se connecter au portail client de ${companyName}.`,
      "Pour désactiver son authentification à deux facteurs, ouvrez la page des demandes de votre portail :",
      requestsUrl,
      "Assurez-vous d'abord que la demande vient bien de cette personne, par exemple en l'appelant.",
      '',
    ].join('\n'),
  }),
  en: ({ admin, client, companyName, requestsUrl }, who) => ({
    subject: `Sign-in help request: ${client.name}`,
    text: [
      `Hello ${admin.name},`,
      '',
      `${who} no longer has access to their authenticator app`,
      `and cannot sign in to the ${companyName} client portal.`,
      'To turn off their two-factor authentication, open the requests page of your portal:',
      requestsUrl,
      'First make sure the request really comes from this person, for instance by calling them.',
      '',
    ].join('\n'),
  }),
};

/**
 * Tells an admin that a client cannot use their authenticator app. The
 * client's own message stays out of the mail: it is free text from someone who
 * has not passed 2FA, and the portal's address must not carry it.
 */
export function helpRequestMail(notice: HelpRequestNotice): Mail {
  const { admin, client } = notice;
  return { to: admin.email, ...wording[admin.language](notice, `${client.name} (${client.email})`) };
}
