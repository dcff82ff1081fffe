import { CredentialsChange, DomainError, ErrorCode } from '@app/common';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { UserChangedPublisher } from '../users/user-changed.publisher';
import { User } from '../users/user.entity';

@Injectable()
export class RevokeCredentials {
  constructor(
    private readonly em: EntityManager,
    private readonly userChanged: UserChangedPublisher,
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
      await this.userChanged.recordCredentialsChanged(tx, { userId, credentialVersion: user.credentialVersion }, sparedSessionId);
      return user.credentialVersion;
    });
    this.userChanged.sendRecorded();
    return { userId, credentialVersion };
  }
}
