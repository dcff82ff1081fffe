import { ParsedRequestOf, PasskeyPatterns } from '@app/contracts';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { Passkey } from './passkey.entity';

@Injectable()
export class RemoveAllPasskeys {
  constructor(private readonly em: EntityManager) {}

  /**
   * Every host's, the easy access host's included: a passkey left on a lost
   * phone would sign in wherever it was made. Unlike removing one passkey,
   * this mails nothing: the admin's 2FA disable sends one mail that says it.
   * A sign-in verifying one of them meanwhile is refused when it records the use.
   */
  async execute({ userId }: ParsedRequestOf<typeof PasskeyPatterns.removeAllOfUser>): Promise<{ removed: number }> {
    const removed = await this.em.fork().nativeDelete(Passkey, { user: userId });
    return { removed };
  }
}
