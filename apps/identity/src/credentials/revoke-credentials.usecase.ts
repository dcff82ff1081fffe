import { CredentialsChange, DomainError, ErrorCode } from '@app/common';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { UserTokenStore } from '../tokens/user-token.store';
import { UserChangedPublisher } from '../users/user-changed.publisher';
import { User } from '../users/user.entity';

@Injectable()
export class RevokeCredentials {
  constructor(
    private readonly em: EntityManager,
    private readonly userChanged: UserChangedPublisher,
    private readonly tokens: UserTokenStore,
  ) {}

  /**
   * The password stays; every mobile device registered until now must sign in
   * again, and every session but `sparedSessionId`.
   * @throws DomainError not_found
   */
  async execute(userId: string, sparedSessionId?: string): Promise<CredentialsChange> {
    const credentialVersion = await this.em.fork().transactional(async (tx) => {
      // Locked so that two revocations at once bump the version twice, not once.
      const user = await tx.findOne(User, userId, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!user) throw new DomainError(ErrorCode.NotFound, 'No such user.');
      user.revokeCredentials();
      // Credentials revoked (an admin's 2FA disable, 2FA turned on) end the reset links too: one revocation rule.
      await this.tokens.revokeOutstanding(tx, userId, ['reset']);
      await this.userChanged.recordCredentialsChanged(tx, { userId, credentialVersion: user.credentialVersion }, sparedSessionId);
      return user.credentialVersion;
    });
    this.userChanged.sendRecorded();
    return { userId, credentialVersion };
  }
}
