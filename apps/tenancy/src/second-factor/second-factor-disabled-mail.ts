import { Mail } from '@app/common';

export interface SecondFactorDisabledNotice {
  email: string;
  name: string;
  companyName: string;
}

/** Tells the member that an admin turned their 2FA off, French then English. */
export function secondFactorDisabledMail(notice: SecondFactorDisabledNotice): Mail {
  const { email, name, companyName } = notice;
  return {
    to: email,
    subject: 'Vérification en deux étapes désactivée / Two-step verification turned off',
    text: [
      `Bonjour ${name},`,
      '',
      `Un administrateur de ${companyName} a désactivé la vérification en deux étapes de votre compte.`,
      'Connectez-vous désormais avec votre mot de passe ; vos appareils mobiles vous le demanderont à nouveau.',
      'Vous pouvez réactiver la vérification en deux étapes à tout moment.',
      `Si vous n'avez rien demandé, prévenez ${companyName} sans tarder.`,
      '',
      '---',
      '',
      `Hello ${name},`,
      '',
      `An admin of ${companyName} turned off two-step verification for your account.`,
      'Sign in with your password from now on; your mobile devices will ask for it again.',
      'You may set up two-step verification again at any time.',
      `If you did not ask for this, tell ${companyName} at once.`,
      '',
    ].join('\n'),
  };
}
