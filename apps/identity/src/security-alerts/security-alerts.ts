import { DomainError, ErrorCode, SecurityAlert } from '@app/contracts';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { UserTokenStore } from '../tokens/user-token.store';
import { User } from '../users/user.entity';
import { SecurityAlertMail } from './security-alert.mail';

/** Records a security alert, with its "this wasn't me" link, in the transaction of the change it tells of. */
@Injectable()
export class SecurityAlerts {
  constructor(
    private readonly em: EntityManager,
    private readonly tokens: UserTokenStore,
    private readonly mail: SecurityAlertMail,
  ) {}

  async record(tx: EntityManager, user: User, alert: SecurityAlert): Promise<void> {
    const token = this.tokens.issue(tx, user, 'not_me');
    await this.mail.record(tx, { userId: user.id, email: user.email, name: user.name, language: user.language, alert, at: Date.now(), token });
  }

  /**
   * The alert of a change another service committed, in a transaction of its own.
   * @throws DomainError not_found for an unknown user
   */
  async recordAlone(userId: string, alert: SecurityAlert): Promise<void> {
    await this.em.fork().transactional(async (tx) => {
      const user = await tx.findOne(User, userId);
      if (!user) throw new DomainError(ErrorCode.NotFound, 'No such user.');
      await this.record(tx, user, alert);
    });
    this.sendSoon();
  }

  /** Once the transaction committed. */
  sendSoon(): void {
    this.mail.sendSoon();
  }
}
