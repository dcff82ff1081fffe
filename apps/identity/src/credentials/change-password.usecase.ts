import { CredentialsChange, IdentityPatterns, ParsedRequestOf } from '@app/contracts';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { SecurityAlerts } from '../security-alerts/security-alerts';
import { UserTokenStore } from '../tokens/user-token.store';
import { UserChangedPublisher } from '../users/user-changed.publisher';
import { User } from '../users/user.entity';
import { invalidCredentials } from './invalid-credentials';
import { PasswordHasher } from './password-hasher';
import { PasswordPolicy } from './password-policy';

@Injectable()
export class ChangePassword {
  constructor(
    private readonly em: EntityManager,
    private readonly hasher: PasswordHasher,
    private readonly policy: PasswordPolicy,
    private readonly tokens: UserTokenStore,
    private readonly userChanged: UserChangedPublisher,
    private readonly alerts: SecurityAlerts,
  ) {}

  /** @throws DomainError invalid_credentials, weak_password */
  async execute(request: ParsedRequestOf<typeof IdentityPatterns.changePassword>): Promise<CredentialsChange> {
    const { userId, currentPassword, newPassword, sparedSessionId, keepWebSessions } = request;
    const user = await this.em.fork().findOne(User, userId);
    if (!user?.activatedAt || !user.passwordHash) {
      await this.hasher.verifyAgainstNothing(currentPassword);
      throw invalidCredentials();
    }
    if (!(await this.hasher.verify(user.passwordHash, currentPassword))) throw invalidCredentials();
    this.policy.assertAcceptable(newPassword);
    const passwordHash = await this.hasher.hash(newPassword);
    const credentialVersion = await this.em.fork().transactional(async (tx) => {
      const locked = await tx.findOneOrFail(User, userId, { lockMode: LockMode.PESSIMISTIC_WRITE });
      // Another change won the race: the password the caller proved is no longer the current one.
      if (locked.passwordHash !== user.passwordHash) throw invalidCredentials();
      locked.replacePassword(passwordHash);
      // A reset link mailed earlier would let whoever read it undo this change.
      await this.tokens.revokeOutstanding(tx, userId, ['reset']);
      await this.userChanged.recordCredentialsChanged(tx, { userId, credentialVersion: locked.credentialVersion }, sparedSessionId, keepWebSessions);
      await this.alerts.record(tx, locked, { kind: 'password_changed' });
      return locked.credentialVersion;
    });
    this.userChanged.sendRecorded();
    this.alerts.sendSoon();
    return { userId, credentialVersion };
  }
}
