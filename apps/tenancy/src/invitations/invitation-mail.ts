import { Mail } from '@app/common';

export interface Invitation {
  email: string;
  name: string;
  companyName: string;
  portalAddress: string;
  /** Null when the user is already active: the mail then points to the portal. */
  activationUrl: string | null;
}

/** The invitation, in French then English: the portals serve French-speaking firms first. */
export function invitationMail(invitation: Invitation): Mail {
  const { name, companyName, portalAddress, activationUrl } = invitation;
  const french = activationUrl
    ? `${companyName} vous invite sur son portail client.\n` +
      `Pour activer votre compte, choisissez votre mot de passe ici :\n${activationUrl}`
    : `${companyName} vous a donné accès à son portail client.\nConnectez-vous comme d'habitude :\n${portalAddress}`;
  const english = activationUrl
    ? `${companyName} invites you to its client portal.\n` +
      `To activate your account, choose your password here:\n${activationUrl}`
    : `${companyName} gave you access to its client portal.\nSign in as usual:\n${portalAddress}`;
  return {
    to: invitation.email,
    subject: `Votre accès au portail client de ${companyName} / Your access to the ${companyName} client portal`,
    text: `Bonjour ${name},\n\n${french}\n\n---\n\nHello ${name},\n\n${english}\n`,
  };
}
