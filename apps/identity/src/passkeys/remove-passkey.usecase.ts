import { ParsedRequestOf, PasskeyPatterns } from '@app/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { noSuchPasskey } from './find-passkey.usecase';
import { Passkey } from './passkey.entity';

@Injectable()
export class RemovePasskey {
  constructor(private readonly em: EntityManager) {}

  /** @throws DomainError not_found unless it is the user's own passkey of this host. */
  async execute({ userId, rpId, passkeyId }: ParsedRequestOf<typeof PasskeyPatterns.remove>): Promise<void> {
    const removed = await this.em.fork().nativeDelete(Passkey, { id: passkeyId, user: userId, rpId });
    if (removed === 0) throw noSuchPasskey();
  }
}
