import { IdentityPatterns, ParsedRequestOf } from '@app/contracts';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { PasswordResetMail } from '../mail/password-reset.mail';
import { UserTokenStore } from '../tokens/user-token.store';
import { User } from '../users/user.entity';

@Injectable()
export class ForgotPassword {
  constructor(
    private readonly em: EntityManager,
    private readonly tokens: UserTokenStore,
    private readonly mail: PasswordResetMail,
  ) {}

  /** Answers alike whether or not the email has an account; only its owner learns, by mail. */
  async execute({ email, language }: ParsedRequestOf<typeof IdentityPatterns.forgotPassword>): Promise<void> {
    const em = this.em.fork();
    const user = await em.findOne(User, { email });
    if (!user) return;
    const userId = user.id;
    // The token and its mail commit together; the mail server's delay never reaches the caller.
    await em.transactional(async (tx) => {
      const token = this.tokens.issue(tx, user, 'reset');
      await this.mail.record(tx, { userId, email: user.email, token, language });
    });
    this.mail.sendSoon();
  }
}
