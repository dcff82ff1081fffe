import { DomainError, ErrorCode, GooglePatterns, GoogleSignedIn, ParsedRequestOf, UserView } from '@app/contracts';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { SecurityAlerts } from '../security-alerts/security-alerts';
import { UserTokenStore } from '../tokens/user-token.store';
import { UserChangedPublisher } from '../users/user-changed.publisher';
import { toUserView, User } from '../users/user.entity';

type GoogleProfile = ParsedRequestOf<typeof GooglePatterns.signIn>;

const noUser = () => new DomainError(ErrorCode.NotFound, 'No user for this Google account.');

@Injectable()
export class GoogleSignIn {
  constructor(
    private readonly em: EntityManager,
    private readonly tokens: UserTokenStore,
    private readonly userChanged: UserChangedPublisher,
    private readonly alerts: SecurityAlerts,
  ) {}

  /**
   * The user this Google account signs in as, without writing: the one linked
   * to it, else the one with its verified email whom `execute` would link.
   * @throws DomainError not_found
   */
  async find(profile: GoogleProfile): Promise<UserView> {
    const em = this.em.fork();
    const known = await em.findOne(User, { googleSub: profile.sub });
    if (known) return toUserView(known);
    const user = profile.emailVerified ? await em.findOne(User, { email: profile.email }) : null;
    if (!user || !linkable(user, profile.sub)) throw noUser();
    return toUserView(user);
  }

  /**
   * Finds the user linked to this Google account, or links the one with the same
   * verified email. Never creates a user.
   * @throws DomainError not_found
   */
  async execute(profile: GoogleProfile): Promise<GoogleSignedIn> {
    const known = await this.em.fork().findOne(User, { googleSub: profile.sub });
    if (known) return { ...toUserView(known), activated: false };
    // An unverified email proves nothing: linking on it would hand the account to whoever typed it at Google.
    if (!profile.emailVerified) throw noUser();
    try {
      const { user, linked, activated } = await this.linkByEmail(profile);
      if (linked) {
        this.userChanged.sendRecorded();
        this.alerts.sendSoon();
      }
      return { ...toUserView(user), activated };
    } catch (error) {
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
      // Meanwhile another user, with another email, was linked to this Google account: by its sub, it is theirs.
      const winner = await this.em.fork().findOne(User, { googleSub: profile.sub });
      if (!winner) throw noUser();
      return { ...toUserView(winner), activated: false };
    }
  }

  private linkByEmail({ sub, email }: GoogleProfile): Promise<{ user: User; linked: boolean; activated: boolean }> {
    return this.em.fork().transactional(async (tx) => {
      // Locked, so that of two first sign-ins at once one links and the other sees the link.
      const user = await tx.findOne(User, { email }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (user?.googleSub === sub) return { user, linked: false, activated: false };
      if (!user || !linkable(user, sub)) throw noUser();
      const activated = !user.activatedAt;
      if (activated) {
        // The invitation is answered: its link must not set a password on the account afterwards.
        await this.tokens.revokeOutstanding(tx, user.id, ['activation']);
      } else {
        // The account had a password: from now on whoever holds the Google account signs in without it, and she is told.
        await this.alerts.record(tx, user, { kind: 'google_linked' });
      }
      user.linkGoogle(sub);
      await this.userChanged.recordUserChanged(tx, user.id);
      return { user, linked: true, activated };
    });
  }
}

/** A user linked to another Google account keeps it: an email alone never moves a link; nor does it bring back one the user reported. */
function linkable(user: User, sub: string): boolean {
  return user.googleSub === null && user.googleSubRefused !== sub;
}
