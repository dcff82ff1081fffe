import { Language } from '@app/contracts';
import { Mail, quotedWords } from '@app/platform/service';
import { INVITATION_VALID_DAYS } from './invitation.entity';

export interface Invitation {
  email: string;
  name: string;
  companyName: string;
  portalAddress: string;
  /** Set for a user who must still activate: activating is joining. */
  activationUrl: string | null;
  /** Set for a user who already has an account: they join only by this link. */
  acceptanceUrl: string | null;
  /** The user's stored language; for a new user, the inviter's. */
  language: Language;
}

type Body = (invitation: Invitation) => string[];

const bodies: Record<Language, { activation: Body; acceptance: Body; member: Body }> = {
  fr: {
    activation: ({ companyName, activationUrl, portalAddress }) => [
      `${companyName} vous invite sur son portail client.`,
      'Pour activer votre compte, choisissez votre mot de passe ici :',
      activationUrl!,
      `Vous vous connecterez ensuite sur son portail : ${portalAddress}`,
    ],
    acceptance: ({ companyName, acceptanceUrl, portalAddress }) => [
      `${companyName} vous invite sur son portail client, avec le compte que vous avez déjà.`,
      `Pour accepter, ouvrez ce lien (valable ${INVITATION_VALID_DAYS} jours) :`,
      acceptanceUrl!,
      `Son portail : ${portalAddress}`,
      `Si vous ne connaissez pas ${companyName}, ignorez ce message : vous ne rejoindrez pas son portail.`,
    ],
    member: ({ companyName, portalAddress }) => [
      `${companyName} vous a donné accès à son portail client.`,
      "Connectez-vous comme d'habitude :",
      portalAddress,
    ],
  },
  en: {
    activation: ({ companyName, activationUrl, portalAddress }) => [
      `${companyName} invites you to its client portal.`,
      'To activate your account, choose your password here:',
      activationUrl!,
      `Then sign in on its portal: ${portalAddress}`,
    ],
    acceptance: ({ companyName, acceptanceUrl, portalAddress }) => [
      `${companyName} invites you to its client portal, with the account you already have.`,
      `To accept, open this link (valid for ${INVITATION_VALID_DAYS} days):`,
      acceptanceUrl!,
      `Its portal: ${portalAddress}`,
      `If you do not know ${companyName}, ignore this message: you will not join its portal.`,
    ],
    member: ({ companyName, portalAddress }) => [
      `${companyName} gave you access to its client portal.`,
      'Sign in as usual:',
      portalAddress,
    ],
  },
};

const subjects: Record<Language, (companyName: string) => string> = {
  fr: (companyName) => `Votre accès au portail client de ${companyName}`,
  en: (companyName) => `Your access to the ${companyName} client portal`,
};

const greetings: Record<Language, (name: string) => string> = {
  fr: (name) => `Bonjour ${name},`,
  en: (name) => `Hello ${name},`,
};

/** Enough for a person's or a household's name; the rest of what an admin typed is no greeting. */
const NAME_AT_MOST = 80;

export function invitationMail(invitation: Invitation): Mail {
  const { language } = invitation;
  const kind = invitation.activationUrl ? 'activation' : invitation.acceptanceUrl ? 'acceptance' : 'member';
  // The admin typed the name: it opens the mail, so a web address in it is defanged (quotedWords), as any words the mail cannot vouch for.
  const greeting = greetings[language](quotedWords(invitation.name, NAME_AT_MOST));
  const text = [greeting, '', ...bodies[language][kind](invitation), ''].join('\n');
  return { to: invitation.email, subject: subjects[language](invitation.companyName), text };
}
