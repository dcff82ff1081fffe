import { IdentityPatterns, ParsedRequestOf } from '@app/contracts';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { PasswordHasher } from '../credentials/password-hasher';
import { PasswordPolicy } from '../credentials/password-policy';
import { UserTokenStore } from '../tokens/user-token.store';
import { UserChangedPublisher } from './user-changed.publisher';
import { User } from './user.entity';

@Injectable()
export class ActivateUser {
  constructor(
    private readonly em: EntityManager,
    private readonly tokens: UserTokenStore,
    private readonly hasher: PasswordHasher,
    private readonly policy: PasswordPolicy,
    private readonly userChanged: UserChangedPublisher,
  ) {}

  /** @throws DomainError invalid_token, weak_password */
  async linkOf(token: string, password: string): Promise<{ userId: string; companyId: string | null }> {
    const link = await this.tokens.peekActivation(this.em.fork(), token);
    this.policy.assertAcceptable(password);
    return link;
  }

  /**
   * A rejected password leaves the link usable for another try. The language
   * the user activated in becomes theirs: the inviter's was only a first guess.
   * @throws DomainError invalid_token, weak_password
   */
  async execute({ token, password, language }: ParsedRequestOf<typeof IdentityPatterns.activate>): Promise<{ userId: string }> {
    const userId = await this.tokens.peekUserId(this.em.fork(), token, 'activation');
    this.policy.assertAcceptable(password);
    const passwordHash = await this.hasher.hash(password);
    await this.em.fork().transactional(async (tx) => {
      // The user row is locked before any token row, the same order as everywhere else, so no deadlock.
      const user = await tx.findOneOrFail(User, userId, { lockMode: LockMode.PESSIMISTIC_WRITE });
      await this.tokens.spend(tx, token, 'activation');
      await this.tokens.revokeOutstanding(tx, userId, ['activation']);
      user.activate(passwordHash, language);
      await this.userChanged.recordUserChanged(tx, userId);
    });
    this.userChanged.sendRecorded();
    return { userId };
  }
}
