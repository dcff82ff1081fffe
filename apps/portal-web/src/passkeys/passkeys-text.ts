import { useLanguage } from '../i18n/language';

/**
 * The passkey texts, in the words of the FIDO Alliance's tested content
 * ("With passkeys, you don't need to remember complex passwords", fingerprint,
 * face or screen lock), kept beside the feature; fr must give every one.
 */
const en = {
  menu: 'Passkeys',
  title: 'Passkeys',
  heroTitle: 'Sign in faster with a passkey',
  heroText: "With passkeys, you don't need to remember complex passwords. You sign in with your fingerprint, face or screen lock.",
  whatTitle: 'What are passkeys?',
  whatText: 'Passkeys are encrypted digital keys you create using your fingerprint, face or screen lock.',
  whereTitle: 'Where are passkeys saved?',
  whereText: 'In your password manager (iCloud Keychain, Google Password Manager…), so you can sign in on your other devices.',
  thisPortal: (host: string) => `A passkey works on the portal where it was created: ${host}. Another firm's portal needs its own.`,
  create: 'Create a passkey',
  creating: 'Follow the instructions of your device…',
  created: 'Passkey created. Next time, sign in with your fingerprint, face or screen lock.',
  cancelled: 'No passkey was created. You can create one at any time.',
  unsupported: 'This browser cannot create passkeys.',
  listTitle: 'Your passkeys for this portal',
  provider: (name: string) => `Saved in ${name}`,
  unknownProvider: 'Saved on your device or security key',
  synced: 'Synced across your devices',
  createdOn: (date: string) => `Created ${date}`,
  lastUsed: (date: string) => `Last used ${date}`,
  neverUsed: 'Not used yet',
  rename: 'Rename',
  renameLabel: (name: string) => `Rename the passkey ${name}`,
  newName: 'Name of the passkey',
  save: 'Save',
  renamed: 'Passkey renamed.',
  remove: 'Remove',
  removeLabel: (name: string) => `Remove the passkey ${name}`,
  removeIntro: 'To remove this passkey, confirm it is you: enter your password, or use a passkey.',
  removeWithPassword: 'Remove with my password',
  removeWithPasskey: 'Confirm with a passkey',
  removed: 'Passkey removed. Also delete it from your password manager, where it can no longer sign in here.',
  offerNotNow: 'Not now',
  offerLater: 'You can create a passkey at any time in the Passkeys settings.',
  errors: {
    invalid_passkey: 'This passkey was not accepted on this portal.',
    passkey_rejected: 'The passkey could not be created: use a device that checks it is you (fingerprint, face or screen lock).',
    passkey_challenge_expired: 'This request expired. Try again.',
    conflict: 'This device already holds a passkey for this portal.',
  } as Record<string, string>,
};

export type PasskeyText = typeof en;

const fr: PasskeyText = {
  menu: "Clés d'accès",
  title: "Clés d'accès",
  heroTitle: "Connectez-vous plus vite avec une clé d'accès",
  heroText: "Avec les clés d'accès, plus besoin de retenir des mots de passe compliqués. Vous vous connectez avec votre empreinte, votre visage ou le verrouillage de votre écran.",
  whatTitle: "Qu'est-ce qu'une clé d'accès ?",
  whatText: "Une clé d'accès est une clé numérique chiffrée que vous créez avec votre empreinte, votre visage ou le verrouillage de votre écran.",
  whereTitle: "Où sont enregistrées les clés d'accès ?",
  whereText: 'Dans votre gestionnaire de mots de passe (trousseau iCloud, Gestionnaire de mots de passe de Google…), pour vous connecter aussi depuis vos autres appareils.',
  thisPortal: (host: string) => `Une clé d'accès fonctionne sur le portail où elle a été créée : ${host}. Le portail d'un autre cabinet demande la sienne.`,
  create: "Créer une clé d'accès",
  creating: 'Suivez les instructions de votre appareil…',
  created: "Clé d'accès créée. La prochaine fois, connectez-vous avec votre empreinte, votre visage ou le verrouillage de votre écran.",
  cancelled: "Aucune clé d'accès n'a été créée. Vous pourrez en créer une à tout moment.",
  unsupported: "Ce navigateur ne permet pas de créer de clé d'accès.",
  listTitle: "Vos clés d'accès pour ce portail",
  provider: (name: string) => `Enregistrée dans ${name}`,
  unknownProvider: 'Enregistrée sur votre appareil ou votre clé de sécurité',
  synced: 'Synchronisée entre vos appareils',
  createdOn: (date: string) => `Créée le ${date}`,
  lastUsed: (date: string) => `Dernière utilisation le ${date}`,
  neverUsed: 'Pas encore utilisée',
  rename: 'Renommer',
  renameLabel: (name: string) => `Renommer la clé d'accès ${name}`,
  newName: "Nom de la clé d'accès",
  save: 'Enregistrer',
  renamed: "Clé d'accès renommée.",
  remove: 'Supprimer',
  removeLabel: (name: string) => `Supprimer la clé d'accès ${name}`,
  removeIntro: "Pour supprimer cette clé d'accès, confirmez que c'est bien vous : saisissez votre mot de passe, ou utilisez une clé d'accès.",
  removeWithPassword: 'Supprimer avec mon mot de passe',
  removeWithPasskey: "Confirmer avec une clé d'accès",
  removed: "Clé d'accès supprimée. Supprimez-la aussi de votre gestionnaire de mots de passe : elle ne permet plus de se connecter ici.",
  offerNotNow: 'Plus tard',
  offerLater: "Vous pourrez créer une clé d'accès à tout moment dans les réglages « Clés d'accès ».",
  errors: {
    invalid_passkey: "Cette clé d'accès n'a pas été acceptée sur ce portail.",
    passkey_rejected: "La clé d'accès n'a pas pu être créée : utilisez un appareil qui vérifie que c'est bien vous (empreinte, visage ou verrouillage de l'écran).",
    passkey_challenge_expired: 'Cette demande a expiré. Réessayez.',
    conflict: "Cet appareil contient déjà une clé d'accès pour ce portail.",
  },
};

export const passkeyTexts = { fr, en };

export function usePasskeyText(): PasskeyText {
  return passkeyTexts[useLanguage().language];
}
