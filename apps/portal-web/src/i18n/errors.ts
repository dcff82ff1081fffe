import type { Language } from './messages';

type Sentences = Record<Language, string>;

/**
 * A sentence for each `error` code of the OpenAPI document (/docs-json) that a web page can meet. A code
 * missing here (a newer one) shows the API's own `message` instead.
 */
export const errorSentences: Record<string, Sentences> = {
  network: {
    fr: 'Le serveur est injoignable. Vérifiez votre connexion et réessayez.',
    en: 'The server could not be reached. Check your connection and try again.',
  },
  validation_failed: {
    fr: 'Certaines informations ne sont pas valides. Vérifiez le formulaire et réessayez.',
    en: 'Some of the information is not valid. Check the form and try again.',
  },
  invalid_json: {
    fr: "La demande n'a pas pu être lue. Rechargez la page et réessayez.",
    en: 'The request could not be read. Reload the page and try again.',
  },
  unsupported_media_type: {
    fr: "La demande n'a pas pu être lue. Rechargez la page et réessayez.",
    en: 'The request could not be read. Reload the page and try again.',
  },
  request_timeout: {
    fr: "L'envoi a pris trop de temps. Vérifiez votre connexion et réessayez.",
    en: 'Sending took too long. Check your connection and try again.',
  },
  payload_too_large: {
    fr: 'Le texte envoyé est trop long. Raccourcissez-le et réessayez.',
    en: 'What you sent is too long. Shorten it and try again.',
  },
  invalid_credentials: {
    fr: "L'adresse e-mail ou le mot de passe est incorrect.",
    en: 'The email or password is incorrect.',
  },
  credentials_changed: {
    fr: 'Vos identifiants ont changé pendant la connexion : reconnectez-vous.',
    en: 'Your credentials changed while you were signing in: sign in again.',
  },
  invalid_token: {
    fr: "Ce lien n'est plus valable : il a déjà servi ou il a expiré. Demandez-en un nouveau.",
    en: 'This link is no longer valid: it was already used or it has expired. Ask for a new one.',
  },
  weak_password: {
    fr: 'Ce mot de passe est trop faible : utilisez de 10 à 128 caractères et évitez les mots de passe courants.',
    en: 'This password is too weak: use 10 to 128 characters and avoid common passwords.',
  },
  invalid_code: {
    fr: "Ce code n'a pas été accepté. Saisissez le nouveau code affiché dans l'application.",
    en: 'This code was not accepted. Enter the new code the app shows.',
  },
  totp_locked: {
    fr: "Trop de codes erronés : l'authentification à deux facteurs est bloquée pour un moment.",
    en: 'Too many wrong codes: two-factor authentication is locked for a while.',
  },
  factor_locked: {
    fr: "Trop de codes erronés : l'authentification à deux facteurs est bloquée. Connectez-vous avec un code de secours, ou utilisez « Pas d'accès à l'application » pour demander à un administrateur de la désactiver.",
    en: "Too many wrong codes: two-factor authentication is locked. Sign in with a recovery code, or use “No access to the app” to ask an admin to turn it off.",
  },
  invalid_passkey: {
    fr: "Cette clé d'accès n'a pas été acceptée sur ce portail.",
    en: 'This passkey was not accepted on this portal.',
  },
  passkey_challenge_expired: {
    fr: 'Cette demande a expiré. Réessayez.',
    en: 'This request expired. Try again.',
  },
  rate_limited: {
    fr: 'Trop de tentatives. Patientez un moment avant de réessayer.',
    en: 'Too many attempts. Wait a moment before trying again.',
  },
  no_login_in_progress: {
    fr: 'Votre connexion a expiré. Connectez-vous à nouveau.',
    en: 'Your sign-in has expired. Sign in again.',
  },
  unauthenticated: {
    fr: 'Vous êtes déconnecté. Connectez-vous à nouveau.',
    en: 'You are signed out. Sign in again.',
  },
  reauthentication_required: {
    fr: "Cette modification demande de confirmer que c'est bien vous : recommencez, et confirmez-le.",
    en: 'This change needs you to confirm it is you: try again, and confirm it.',
  },
  totp_required: {
    fr: "Ce portail exige l'authentification à deux facteurs. Reconnectez-vous à ce portail, avec votre code.",
    en: 'This portal requires two-factor authentication. Sign in to this portal again, with your code.',
  },
  forbidden: {
    fr: "Vous n'avez pas le droit de faire cela.",
    en: 'You are not allowed to do this.',
  },
  no_open_help_request: {
    fr: "Cette personne doit d'abord vous demander de l'aide (« Pas d'accès à l'application ») et confirmer sa demande depuis sa messagerie : elle compte 7 jours, et tant qu'elle n'a pas changé de mot de passe.",
    en: 'This person must first ask you for help ("No access to the app") and confirm it from their mailbox: a request counts for 7 days, and while they have not changed their password.',
  },
  not_found: {
    fr: "Ce que vous demandez n'existe pas ou plus.",
    en: 'What you asked for does not exist, or no longer does.',
  },
  conflict: {
    fr: 'Cela vient de changer ailleurs. Rechargez la page et réessayez.',
    en: 'This just changed elsewhere. Reload the page and try again.',
  },
  unknown_portal: {
    fr: "Aucun portail client ne répond à cette adresse. Vérifiez l'URL de votre entreprise.",
    en: "No client portal answers at this address. Check your company's URL.",
  },
  csrf_rejected: {
    fr: "Cette demande venait d'un autre site et a été refusée. Rechargez la page et réessayez.",
    en: 'This request came from another site and was refused. Reload the page and try again.',
  },
  unavailable: {
    fr: 'Le service est momentanément indisponible. Réessayez dans quelques secondes.',
    en: 'The service is unavailable for a moment. Try again in a few seconds.',
  },
  internal: {
    fr: 'Un problème est survenu de notre côté. Réessayez plus tard.',
    en: 'Something went wrong on our side. Try again later.',
  },
};

/** The `error` a Google sign-in leaves in the address (`/?error=…`). */
export const signInErrorSentences: Record<string, Sentences> = {
  no_account: {
    fr: 'Aucun compte du portail client ne correspond à ce compte Google. Connectez-vous par courriel, ou demandez à votre entreprise de vous inviter.',
    en: 'No client portal account goes with this Google account. Sign in with your email, or ask your company to invite you.',
  },
  google_state: {
    fr: "La connexion avec Google n'a pas pu être vérifiée. Recommencez.",
    en: 'The Google sign-in could not be checked. Start again.',
  },
  google_cancelled: {
    fr: 'La connexion avec Google a été annulée.',
    en: 'The Google sign-in was cancelled.',
  },
  google_failed: {
    fr: 'La connexion avec Google a échoué. Réessayez dans un instant.',
    en: 'The Google sign-in failed. Try again in a moment.',
  },
  google_expired: {
    fr: 'La connexion avec Google a pris trop de temps. Recommencez.',
    en: 'The Google sign-in took too long. Start again.',
  },
  handoff_expired: {
    fr: 'La connexion avec Google a pris trop de temps. Recommencez.',
    en: 'The Google sign-in took too long. Start again.',
  },
  invitation_declined: {
    fr: "Vous n'avez pas rejoint ce portail client. Son invitation reste valable : vous pourrez l'accepter plus tard.",
    en: 'You did not join this client portal. Its invitation still stands: you may accept it later.',
  },
  unknown: {
    fr: "La connexion n'a pas abouti. Réessayez.",
    en: 'The sign-in did not succeed. Try again.',
  },
};

export const retryIn: Record<Language, (seconds: number) => string> = {
  fr: (seconds) => (seconds < 90 ? `Réessayez dans ${seconds} secondes.` : `Réessayez dans ${Math.ceil(seconds / 60)} minutes.`),
  en: (seconds) => (seconds < 90 ? `Try again in ${seconds} seconds.` : `Try again in ${Math.ceil(seconds / 60)} minutes.`),
};
