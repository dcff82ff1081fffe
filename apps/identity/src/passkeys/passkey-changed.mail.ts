import { Language } from '@app/contracts';
import { portalOrigin } from '@app/platform';
import { Mail, MailOutbox, MailWriter, quotedWords } from '@app/platform/service';
import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { IDENTITY_CONFIG, IdentityConfig } from '../config';
import { MailLinks } from '../mail/mail-links';
import { UserTokenStore } from '../tokens/user-token.store';
import { User } from '../users/user.entity';
import { Passkey } from './passkey.entity';

export type PasskeyChange = 'added' | 'removed';

export interface PasskeyChangedNotice {
  email: string;
  change: PasskeyChange;
  passkeyName: string;
  /** The settings page of the portal the passkey belongs to: its RP ID is that portal's host. */
  settingsLink: string;
  language: Language;
  /** "This wasn't me" (single use, 7 days); absent from notices recorded before the alerts had it. */
  notMeLink?: string;
}

/** Whoever registered or renamed the passkey typed its name: quoted as someone else's words (quotedWords), never as the mail's own. */
const PASSKEY_NAME_AT_MOST = 60;

const wording: Record<Language, (notice: PasskeyChangedNotice) => Omit<Mail, 'to'>> = {
  fr: ({ change, passkeyName, settingsLink, notMeLink }) => ({
    subject: change === 'added' ? "Une clé d'accès a été ajoutée à votre compte" : "Une clé d'accès a été supprimée de votre compte",
    text: [
      'Bonjour,',
      '',
      change === 'added'
        ? `La clé d'accès « ${quotedWords(passkeyName, PASSKEY_NAME_AT_MOST)} » permet désormais de vous connecter à ce portail :`
        : `La clé d'accès « ${quotedWords(passkeyName, PASSKEY_NAME_AT_MOST)} » ne permet plus de vous connecter à ce portail :`,
      settingsLink,
      '',
      "Si ce n'est pas vous, changez votre mot de passe et vérifiez vos clés d'accès à cette adresse.",
      ...(notMeLink
        ? [
            "Ou ouvrez ce lien dans les 7 jours : toutes vos sessions et vos appareils seront déconnectés, votre mot de passe ne fonctionnera plus, " +
              (change === 'added' ? "cette clé d'accès et celles ajoutées depuis seront supprimées" : "les clés d'accès ajoutées depuis seront supprimées") +
              ', et vous recevrez un lien pour choisir un nouveau mot de passe.',
            notMeLink,
          ]
        : []),
      '',
    ].join('\n'),
  }),
  en: ({ change, passkeyName, settingsLink, notMeLink }) => ({
    subject: change === 'added' ? 'A passkey was added to your account' : 'A passkey was removed from your account',
    text: [
      'Hello,',
      '',
      change === 'added'
        ? `The passkey "${quotedWords(passkeyName, PASSKEY_NAME_AT_MOST)}" can now sign you in to this portal:`
        : `The passkey "${quotedWords(passkeyName, PASSKEY_NAME_AT_MOST)}" can no longer sign you in to this portal:`,
      settingsLink,
      '',
      'If this was not you, change your password and check your passkeys at this address.',
      ...(notMeLink
        ? [
            'Or open this link within 7 days: all your sessions and devices will be signed out, your password will stop working, ' +
              (change === 'added' ? 'this passkey and those added since will be removed' : 'the passkeys added since will be removed') +
              ', and you will receive a link to choose a new password.',
            notMeLink,
          ]
        : []),
      '',
    ].join('\n'),
  }),
};

export function passkeyChangedMail(notice: PasskeyChangedNotice): Mail {
  return { to: notice.email, ...wording[notice.language](notice) };
}

/**
 * What the outbox keeps: the user's id, for the logs, and the "this wasn't
 * me" token, whose link is made when the mail is written (notices recorded
 * before hold the link).
 */
type RecordedNotice = PasskeyChangedNotice & { userId: string; notMeToken?: string };

/**
 * Tells the user, in their language, of a passkey added or removed: a new
 * passkey is a new way in, so someone holding a stolen session would show.
 * Recorded in the transaction of the change, so that it is never lost.
 */
@Injectable()
export class PasskeyChangedMail extends MailWriter<RecordedNotice> {
  readonly kind = 'passkey-changed';

  constructor(
    outbox: MailOutbox,
    private readonly tokens: UserTokenStore,
    private readonly links: MailLinks,
    @Inject(IDENTITY_CONFIG) private readonly config: IdentityConfig,
  ) {
    super(outbox);
  }

  /** `passkey`, the one added or removed: the removal happens now. */
  recordChange(tx: EntityManager, user: User, change: PasskeyChange, passkey: Passkey): Promise<void> {
    return this.record(tx, {
      userId: user.id,
      email: user.email,
      change,
      passkeyName: passkey.name,
      settingsLink: `${portalOrigin(this.config.PORTAL_ORIGIN_TEMPLATE, passkey.rpId)}/settings/passkeys`,
      language: user.language,
      notMeToken: this.tokens.issueNotMe(tx, user, change === 'added' ? passkey.createdAt : new Date()),
    });
  }

  about(notice: RecordedNotice): string {
    return `a passkey ${notice.change} notice to user ${notice.userId}`;
  }

  /**
   * The "this wasn't me" link on the easy access host, as every alert's
   * (MailLinks): on the passkey's host, a firm would receive the link, and
   * could end her sessions and remove her factors at every firm.
   */
  async write({ notMeToken, ...notice }: RecordedNotice): Promise<Mail> {
    if (!notMeToken) return passkeyChangedMail(notice);
    return passkeyChangedMail({ ...notice, notMeLink: `${this.links.origin}/not-me/${notMeToken}` });
  }
}
