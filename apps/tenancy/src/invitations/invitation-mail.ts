import { Language, Mail } from '@app/common';

export interface Invitation {
  email: string;
  name: string;
  companyName: string;
  portalAddress: string;
  /** Null when the user is already active: the mail then points to the portal. */
  activationUrl: string | null;
  /** The user's stored language; for a new user, the inviter's. */
  language: Language;
}

const wording: Record<Language, (invitation: Invitation) => Omit<Mail, 'to'>> = {
  fr: ({ name, companyName, portalAddress, activationUrl }) => ({
    subject: `Votre accès au portail client de ${companyName}`,
    text: [
      `Bonjour ${name},`,
      '',
      ...(activationUrl
        ? [
            `${companyName} vous invite sur son portail client.`,
            'Pour activer votre compte, choisissez votre mot de passe ici :',
            activationUrl,
          ]
        : [`${companyName} vous a donné accès à son portail client.`, "Connectez-vous comme d'habitude :", portalAddress]),
      '',
    ].join('\n'),
  }),
  en: ({ name, companyName, portalAddress, activationUrl }) => ({
    subject: `Your access to the ${companyName} client portal`,
    text: [
      `Hello ${name},`,
      '',
      ...(activationUrl
        ? [`${companyName} invites you to its client portal.`, 'To activate your account, choose your password here:', activationUrl]
        : [`${companyName} gave you access to its client portal.`, 'Sign in as usual:', portalAddress]),
      '',
    ].join('\n'),
  }),
};

export function invitationMail(invitation: Invitation): Mail {
  return { to: invitation.email, ...wording[invitation.language](invitation) };
}
