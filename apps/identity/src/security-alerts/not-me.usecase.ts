import { CredentialsChange, NotMeLink } from '@app/contracts';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { PasswordResetMail } from '../mail/password-reset.mail';
import { PasskeyRemoval } from '../passkeys/passkey-removal.usecase';
import { UserTokenStore } from '../tokens/user-token.store';
import { UserChangedPublisher } from '../users/user-changed.publisher';
import { User } from '../users/user.entity';

/**
 * The factors added from this long before the change reported are undone
 * too: 2FA's alert is recorded just after the code was confirmed, and the
 * services that keep factors stamp them with their own clocks.
 */
const UNDO_MARGIN_MS = 60_000;

/**
 * Every browser of the user is a stranger to the alerts again: known, the
 * intruder's would sign in unannounced (no "new sign-in" alert) once he had
 * the new password. Not only those first seen since the change reported: he
 * may have signed in an hour before the change she reports. Her own browsers
 * are each alerted once more. Marked, not deleted: a user with no browser
 * left would have the next one, maybe his, pass for her first ever. The lock
 * on her email still lets them by (BrowserSignedIn): forgotten there, her
 * own would wait out a lock kept up by whoever goes on guessing.
 */
const FORGET_BROWSERS = `update identity.known_browsers set forgotten_at = now() where user_id = ? and forgotten_at is null`;

/** "This wasn't me", from the link under a security alert. */
@Injectable()
export class NotMe {
  constructor(
    private readonly em: EntityManager,
    private readonly tokens: UserTokenStore,
    private readonly resetMail: PasswordResetMail,
    private readonly userChanged: UserChangedPublisher,
    private readonly passkeys: PasskeyRemoval,
  ) {}

  /** @throws DomainError invalid_token */
  async peek(token: string): Promise<NotMeLink> {
    const { userId, changedAt } = await this.tokens.peekNotMe(this.em.fork(), token);
    return { userId, undoSince: changedAt.getTime() - UNDO_MARGIN_MS };
  }

  /**
   * Spends the link; the password signs in no more, and every session and
   * device ends (the credential version is bumped and announced, as for an
   * admin's revocation): whoever got in with the password would otherwise
   * sign in again at once, until the user chose another. The passkeys made
   * since the change reported are removed, as an intruder's would sign in
   * alone whatever the password, and so is a Google account linked since,
   * which its email then links no more, and the user's browsers are
   * forgotten; the reset links mailed before end, and a new
   * one is mailed in the user's language, saying that the password is gone.
   * @throws DomainError invalid_token
   */
  async report(token: string): Promise<CredentialsChange> {
    const { userId, undoSince } = await this.peek(token);
    const credentialVersion = await this.em.fork().transactional(async (tx) => {
      // The user row first, then the token's, the order of every other change: no deadlock.
      const user = await tx.findOneOrFail(User, userId, { lockMode: LockMode.PESSIMISTIC_WRITE });
      await this.tokens.spend(tx, token, 'not_me');
      // A user without one (Google alone) is not told of a password gone.
      const passwordWithdrawn = user.passwordHash !== null;
      user.withdrawPassword();
      user.unlinkGoogleLinkedSince(new Date(undoSince));
      await this.passkeys.madeSince(tx, userId, new Date(undoSince));
      await tx.execute(FORGET_BROWSERS, [userId]);
      await this.tokens.revokeOutstanding(tx, userId, ['reset']);
      const resetToken = this.tokens.issue(tx, user, 'reset');
      await this.resetMail.record(tx, { userId, email: user.email, token: resetToken, language: user.language, passwordWithdrawn });
      await this.userChanged.recordCredentialsChanged(tx, { userId, credentialVersion: user.credentialVersion });
      return user.credentialVersion;
    });
    // One relay for the revocation and the passkeys' removals, recorded in the same transaction.
    this.userChanged.sendRecorded();
    this.resetMail.sendSoon();
    return { userId, credentialVersion };
  }
}
