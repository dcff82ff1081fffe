import { DomainError, ErrorCode } from '@app/contracts';

/**
 * The `message` of each error for a French-speaking client. Codes stay the same
 * in every language; English messages come from where the error was raised.
 */
const frenchMessageOfCode = {
  validation_failed: 'La requête contient une valeur invalide ou manquante.',
  invalid_json: "Le corps de la requête n'est pas du JSON valide.",
  invalid_token: 'Ce lien est inconnu, déjà utilisé ou expiré.',
  invalid_credentials: "L'adresse e-mail ou le mot de passe est incorrect.",
  invalid_code: "Ce code n'est pas valide. Saisissez le nouveau code affiché dans l'application.",
  invalid_pin: 'Code PIN incorrect.',
  invalid_signature: "La vérification biométrique n'a pas abouti.",
  invalid_passkey: "Cette clé d'accès n'a pas été acceptée sur ce portail.",
  passkey_rejected: "La clé d'accès n'a pas pu être créée : réessayez avec un appareil qui vérifie votre identité (code, empreinte ou visage).",
  passkey_challenge_expired: "Cette demande de clé d'accès a expiré ou a déjà servi : recommencez.",
  device_revoked: 'Cet appareil a été révoqué : reconnectez-vous avec vos identifiants.',
  credentials_changed: 'Votre mot de passe a changé : reconnectez-vous avec vos identifiants.',
  unauthenticated: 'Connectez-vous pour continuer.',
  forbidden: "Vous n'avez pas accès à cette ressource.",
  no_open_help_request:
    "N'agissez qu'en réponse à la demande d'aide de ce client à votre société, confirmée depuis sa messagerie, tant qu'elle compte (7 jours, sans nouveau mot de passe depuis).",
  csrf_rejected: 'Cette requête provient d’un autre site et a été refusée.',
  reauthentication_required: 'Confirmez d\'abord que c\'est bien vous : votre mot de passe, un code ou une clé d\'accès.',
  totp_required: "Ce portail exige l'authentification à deux facteurs, que cette session n'a pas passée : reconnectez-vous à ce portail (en l'activant si besoin).",
  not_found: 'Introuvable.',
  unknown_portal: "Aucun portail client ne répond à cette adresse.",
  conflict: 'Cette valeur est déjà utilisée.',
  no_login_in_progress: "Aucune connexion n'attend cette étape : recommencez la connexion.",
  payload_too_large: 'Le corps de la requête est trop volumineux.',
  request_timeout: "La requête n'est pas arrivée entière à temps.",
  malformed_request: "Ce n'est pas une requête HTTP lisible.",
  headers_too_large: 'Les en-têtes de la requête sont trop volumineux.',
  unsupported_media_type: 'Envoyez le corps de la requête en application/json.',
  weak_password: 'Ce mot de passe est trop faible : 10 à 128 caractères, et pas un mot de passe courant.',
  pin_mismatch: 'Les deux codes PIN ne correspondent pas.',
  guessable_pin: 'Ce code PIN est parmi les premiers essayés par un voleur : choisissez-en un autre.',
  rate_limited: 'Trop de tentatives. Réessayez plus tard.',
  totp_locked: "Trop de codes erronés : l'authentification à deux facteurs est bloquée pour un moment.",
  factor_locked:
    "Trop de codes erronés : l'authentification à deux facteurs est bloquée. Connectez-vous avec un code de secours, ou demandez à un administrateur de la désactiver.",
  id_token_replayed: 'Ce jeton Google a déjà servi : reconnectez-vous avec Google.',
  idempotency_key_reused: 'Cette clé d’idempotence a déjà servi pour une autre requête : utilisez-en une nouvelle.',
  idempotency_key_in_flight: 'Une requête avec cette clé d’idempotence est encore en cours : réessayez dans un instant.',
  internal: 'Une erreur est survenue de notre côté.',
  unavailable: 'Le service est momentanément indisponible. Réessayez dans un instant.',
} as const satisfies Record<ErrorCode, string>;

/** The French message of `error`: its code's, but where the password will not do, saying so. */
export function frenchMessageOf(error: DomainError): string {
  if (error.details?.held === 'here') {
    return "Vous avez déjà un second facteur : confirmez d'abord que c'est bien vous avec un code de l'application, un code de récupération ou une clé d'accès de ce portail. Si votre clé d'accès a été créée sur un autre portail, connectez-vous là-bas.";
  }
  if (error.details?.held === 'elsewhere') {
    return "Vous avez déjà un second facteur : connectez-vous sur le portail où votre clé d'accès a été créée, et utilisez-la là-bas.";
  }
  if (error.details?.needs === 'second_factor') {
    return "Ce navigateur vous a dispensé du code à la connexion : confirmez d'abord que c'est bien vous avec un code de l'application, un code de récupération ou une clé d'accès.";
  }
  return frenchMessageOfCode[error.code];
}
