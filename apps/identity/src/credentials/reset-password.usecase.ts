import { CredentialsChange, IdentityPatterns, ParsedRequestOf } from '@app/contracts';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { SecurityAlerts } from '../security-alerts/security-alerts';
import { UserTokenStore } from '../tokens/user-token.store';
import { UserChangedPublisher } from '../users/user-changed.publisher';
import { User } from '../users/user.entity';
import { PasswordHasher } from './password-hasher';
import { PasswordPolicy } from './password-policy';

@Injectable()
export class ResetPassword {
  constructor(
    private readonly em: EntityManager,
    private readonly tokens: UserTokenStore,
    private readonly hasher: PasswordHasher,
    private readonly policy: PasswordPolicy,
    private readonly userChanged: UserChangedPublisher,
    private readonly alerts: SecurityAlerts,
  ) {}

  /**
   * A rejected password leaves the link usable for another try.
   * @throws DomainError invalid_token, weak_password
   */
  async execute(request: ParsedRequestOf<typeof IdentityPatterns.resetPassword>): Promise<CredentialsChange & { activated: boolean }> {
    const { token, password } = request;
    const userId = await this.tokens.peekUserId(this.em.fork(), token, 'reset');
    this.policy.assertAcceptable(password);
    const passwordHash = await this.hasher.hash(password);
    const { credentialVersion, activated } = await this.em.fork().transactional(async (tx) => {
      // The user row is locked before any token row, the same order as everywhere else, so no deadlock.
      const user = await tx.findOneOrFail(User, userId, { lockMode: LockMode.PESSIMISTIC_WRITE });
      await this.tokens.spend(tx, token, 'reset');
      user.replacePassword(passwordHash);
      // Opening the mailed link proved the address, which is all that activation asks.
      const activated = !user.activatedAt;
      user.activatedAt ??= new Date();
      // Any other link mailed earlier would let its holder set the password again.
      await this.tokens.revokeOutstanding(tx, userId, ['activation', 'reset']);
      await this.userChanged.recordCredentialsChanged(tx, { userId, credentialVersion: user.credentialVersion });
      await this.alerts.record(tx, user, { kind: 'password_reset' });
      return { credentialVersion: user.credentialVersion, activated };
    });
    this.userChanged.sendRecorded();
    this.alerts.sendSoon();
    return { userId, credentialVersion, activated };
  }
}
