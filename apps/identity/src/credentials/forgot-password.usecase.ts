import { IdentityPatterns, ParsedRequestOf } from '@app/common';
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
    const token = this.tokens.issue(em, user, 'reset');
    await em.flush();
    // In the background, once the token is stored: the delay of the mail server
    // would tell the caller that the email exists.
    this.mail.send(user, token, language);
  }
}
