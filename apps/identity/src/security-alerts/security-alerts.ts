import { AlertMail, SecurityAlert } from '@app/contracts';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { UserTokenStore } from '../tokens/user-token.store';
import { User } from '../users/user.entity';
import { MailLinks } from '../mail/mail-links';
import { securityAlertMail, SecurityAlertMail } from './security-alert.mail';

/** Records a security alert, with its "this wasn't me" link, in the transaction of the change it tells of. */
@Injectable()
export class SecurityAlerts {
  constructor(
    private readonly em: EntityManager,
    private readonly tokens: UserTokenStore,
    private readonly mail: SecurityAlertMail,
    private readonly links: MailLinks,
  ) {}

  async record(tx: EntityManager, user: User, alert: SecurityAlert): Promise<void> {
    const at = Date.now();
    const token = this.tokens.issueNotMe(tx, user, new Date(at));
    await this.mail.record(tx, { userId: user.id, email: user.email, language: user.language, alert, at, token });
  }

  /**
   * The mail of an alert another service recorded with its change, for its
   * outbox to send: a new link each time it is asked (a retried mail's
   * earlier links are never mailed, and expire). Null for an unknown user.
   */
  async write(userId: string, alert: SecurityAlert, at: number): Promise<AlertMail | null> {
    const em = this.em.fork();
    const user = await em.findOne(User, userId);
    if (!user) return null;
    const token = this.tokens.issueNotMe(em, user, new Date(at));
    await em.flush();
    const link = `${this.links.origin}/not-me/${token}`;
    return securityAlertMail({ email: user.email, language: user.language, alert, at }, link) as AlertMail;
  }

  /** Once the transaction committed. */
  sendSoon(): void {
    this.mail.sendSoon();
  }
}
