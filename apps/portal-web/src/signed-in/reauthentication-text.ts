import { useLanguage } from '../i18n/language';

/** The re-authentication prompt's texts, beside it; fr must give every one. */
const en = {
  title: 'Confirm it is you',
  intro: 'This change protects your account: confirm it is you first. You will not be asked again for a few minutes.',
  introSecondFactor: 'This browser did not ask for your code when you signed in: confirm it is you with a code from your authentication app, a recovery code or a passkey.',
  password: 'Your password',
  confirm: 'Confirm',
  useCode: 'Use a code from my authentication app instead',
  code: 'Code from your authentication app',
  usePassword: 'Use my password instead',
  recovery: 'Recovery code',
  useRecovery: 'Use a recovery code instead',
  usePasskey: 'Confirm with a passkey',
  cancel: 'Cancel',
  noMeans: 'If you sign in with Google and have no password, sign in again to make this change.',
  signInAgain: 'Sign in again',
  errors: {
    invalid_credentials: 'This password is not the right one.',
    invalid_passkey: 'This passkey was not accepted: use one of yours for this portal.',
    passkey_challenge_expired: 'This request expired. Try again.',
  },
};

export type ReauthenticationText = typeof en;

const fr: ReauthenticationText = {
  title: "Confirmez que c'est bien vous",
  intro: "Cette modification protège votre compte : confirmez d'abord que c'est bien vous. Cela ne vous sera pas redemandé pendant quelques minutes.",
  introSecondFactor: "Ce navigateur ne vous a pas demandé votre code à la connexion : confirmez que c'est bien vous avec un code de votre application d'authentification, un code de récupération ou une clé d'accès.",
  password: 'Votre mot de passe',
  confirm: 'Confirmer',
  useCode: "Utiliser plutôt un code de mon application d'authentification",
  code: "Code de votre application d'authentification",
  usePassword: 'Utiliser plutôt mon mot de passe',
  recovery: 'Code de récupération',
  useRecovery: 'Utiliser plutôt un code de récupération',
  usePasskey: "Confirmer avec une clé d'accès",
  cancel: 'Annuler',
  noMeans: "Si vous vous connectez avec Google sans mot de passe, reconnectez-vous pour faire cette modification.",
  signInAgain: 'Me reconnecter',
  errors: {
    invalid_credentials: "Ce mot de passe n'est pas le bon.",
    invalid_passkey: "Cette clé d'accès n'a pas été acceptée : utilisez l'une des vôtres pour ce portail.",
    passkey_challenge_expired: 'Cette demande a expiré. Réessayez.',
  },
};

export function useReauthenticationText(): ReauthenticationText {
  return { fr, en }[useLanguage().language];
}
