import { IdentityPatterns, ParsedRequestOf, UserView } from '@app/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { toUserView, User } from '../users/user.entity';
import { invalidCredentials } from './invalid-credentials';
import { PasswordHasher } from './password-hasher';

@Injectable()
export class VerifyPassword {
  constructor(
    private readonly em: EntityManager,
    private readonly hasher: PasswordHasher,
  ) {}

  /**
   * Every failure costs one hash verification and gives the same answer.
   * @throws DomainError invalid_credentials
   */
  async execute({ email, password }: ParsedRequestOf<typeof IdentityPatterns.verifyPassword>): Promise<UserView> {
    const em = this.em.fork();
    const user = await em.findOne(User, { email });
    if (!user?.activatedAt || !user.passwordHash) {
      await this.hasher.verifyAgainstNothing(password);
      throw invalidCredentials();
    }
    if (!(await this.hasher.verify(user.passwordHash, password))) throw invalidCredentials();
    if (this.hasher.isOutdated(user.passwordHash)) await this.upgradeHash(em, user, password);
    return toUserView(user);
  }

  /** The password is unchanged, so its credential version stays: devices keep working. */
  private async upgradeHash(em: EntityManager, user: User, password: string): Promise<void> {
    const passwordHash = await this.hasher.hash(password);
    // Conditional on the old hash, so that a password changed in the meantime is not overwritten.
    await em.nativeUpdate(
      User,
      { id: user.id, passwordHash: user.passwordHash },
      { passwordHash, updatedAt: new Date() },
    );
  }
}
