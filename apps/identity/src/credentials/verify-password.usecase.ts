import { IdentityPatterns, ParsedRequestOf, UserView } from '@app/contracts';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { User } from '../users/user.entity';
import { USER_VIEW_COLUMNS, userViewOf, UserViewRow } from '../users/user-view-row';
import { invalidCredentials } from './invalid-credentials';
import { PasswordHasher } from './password-hasher';

interface CredentialRow extends UserViewRow {
  password_hash: string | null;
}

/** Every sign-in asks this: plain SQL, as hydrating an entity costs more than the query. */
const CREDENTIALS_BY_EMAIL = `select ${USER_VIEW_COLUMNS}, u.password_hash from identity.users u where u.email = ?`;

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
    const [user] = await this.em.getConnection().execute<CredentialRow[]>(CREDENTIALS_BY_EMAIL, [email]);
    if (!user?.activated || !user.password_hash) {
      await this.hasher.verifyAgainstNothing(password);
      throw invalidCredentials();
    }
    if (!(await this.hasher.verify(user.password_hash, password))) throw invalidCredentials();
    if (this.hasher.isOutdated(user.password_hash)) await this.upgradeHash(user.id, user.password_hash, password);
    return userViewOf(user);
  }

  /** The password is unchanged, so its credential version stays: devices keep working. */
  private async upgradeHash(userId: string, oldHash: string, password: string): Promise<void> {
    const passwordHash = await this.hasher.hash(password);
    // Conditional on the old hash, so that a password changed in the meantime is not overwritten.
    await this.em.fork().nativeUpdate(User, { id: userId, passwordHash: oldHash }, { passwordHash, updatedAt: new Date() });
  }
}
