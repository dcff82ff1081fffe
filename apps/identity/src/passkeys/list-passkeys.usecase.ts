import { ParsedRequestOf, PasskeyPatterns, PasskeyView } from '@app/contracts';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { Passkey, toPasskeyView } from './passkey.entity';

@Injectable()
export class ListPasskeys {
  constructor(private readonly em: EntityManager) {}

  /** Only the host's own: a passkey made on another portal cannot sign in here, so it is not shown here. */
  async execute({ userId, rpId }: ParsedRequestOf<typeof PasskeyPatterns.list>): Promise<PasskeyView[]> {
    const passkeys = await this.em.fork().find(Passkey, { user: userId, rpId }, { orderBy: { createdAt: 'asc', id: 'asc' } });
    return passkeys.map(toPasskeyView);
  }
}

@Injectable()
export class CountPasskeys {
  constructor(private readonly em: EntityManager) {}

  /** Every host's: a passkey made on another portal is still a second factor the user holds. */
  async execute(userId: string): Promise<{ passkeys: number }> {
    return { passkeys: await this.em.fork().count(Passkey, { user: userId }) };
  }
}
