import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { UserTokenStore } from '../tokens/user-token.store';

/**
 * A change of the user's 2FA ends every reset link mailed before it, as a
 * password change does: a link read by someone else must not outlive the
 * user's attempt to secure the account.
 */
@Injectable()
export class RevokeResetLinks {
  constructor(
    private readonly em: EntityManager,
    private readonly tokens: UserTokenStore,
  ) {}

  async execute(userId: string): Promise<void> {
    await this.tokens.revokeOutstanding(this.em.fork(), userId, ['reset']);
  }
}
