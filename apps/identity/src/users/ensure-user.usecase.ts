import { EnsuredUser, IdentityPatterns, ParsedRequestOf } from '@app/contracts';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { UserTokenStore } from '../tokens/user-token.store';
import { UserChangedPublisher } from './user-changed.publisher';
import { User } from './user.entity';

@Injectable()
export class EnsureUser {
  constructor(
    private readonly em: EntityManager,
    private readonly tokens: UserTokenStore,
    private readonly userChanged: UserChangedPublisher,
  ) {}

  /**
   * Invites a new or not yet activated user with a fresh activation token; leaves an active user untouched.
   * A new user's language is the one asked for; a known user keeps theirs, which the answer names.
   */
  async execute({ email, name, language, companyId }: ParsedRequestOf<typeof IdentityPatterns.ensureUser>): Promise<EnsuredUser> {
    const { created, ...ensured } = await this.em.fork().transactional(async (tx) => {
      const created = await this.insertUnlessKnown(tx, new User(email, name, language));
      const user = await tx.findOneOrFail(User, { email }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      // Earlier links stay valid: a client invited by two companies may click either mail, which joins that one.
      // The first activation retires them all.
      const activationToken = user.activatedAt ? null : this.tokens.issueActivation(tx, user, companyId);
      if (created) await this.userChanged.recordUserChanged(tx, user.id);
      return { created, userId: user.id, activationToken, language: user.language };
    });
    if (created) this.userChanged.sendRecorded();
    return ensured;
  }

  /**
   * Leans on the unique index, so that two invitations racing for one email
   * make one user (the second waits for the first to commit, then inserts nothing).
   */
  private async insertUnlessKnown(em: EntityManager, user: User): Promise<boolean> {
    const result = await em
      .createQueryBuilder(User)
      .insert(user)
      .onConflict('email')
      .ignore()
      .execute('run');
    return result.affectedRows > 0;
  }
}
