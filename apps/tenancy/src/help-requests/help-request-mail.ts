import { Mail, MemberSummary } from '@app/common';

export interface HelpRequestNotice {
  admin: { email: string; name: string };
  client: MemberSummary;
  companyName: string;
  /** The portal's first host: where the admin acts. */
  portalHost: string;
}

/**
 * Tells an admin that a client cannot use their authenticator app, French then
 * English. The client's own message stays out of the mail: it is free text from
 * someone who has not passed 2FA, and the portal's address must not carry it.
 */
export function helpRequestMail(notice: HelpRequestNotice): Mail {
  const { admin, client, companyName, portalHost } = notice;
  const who = `${client.name} (${client.email})`;
  return {
    to: admin.email,
    subject: `Demande d'aide à la connexion : ${client.name} / Sign-in help request: ${client.name}`,
    text: [
      `Bonjour ${admin.name},`,
      '',
      `${who} n'a plus accès à son application d'authentification`,
      `et ne peut plus se connecter au portail client de ${companyName}.`,
      `Pour désactiver sa vérification en deux étapes, ouvrez la page d'administration de votre portail (${portalHost}).`,
      "Assurez-vous d'abord que la demande vient bien de cette personne, par exemple en l'appelant.",
      '',
      '---',
      '',
      `Hello ${admin.name},`,
      '',
      `${who} no longer has access to their authenticator app`,
      `and cannot sign in to the ${companyName} client portal.`,
      `To turn off their two-step verification, open the admin page of your portal (${portalHost}).`,
      'First make sure the request really comes from this person, for instance by calling them.',
      '',
    ].join('\n'),
  };
}
