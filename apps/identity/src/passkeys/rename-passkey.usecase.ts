import { ParsedRequestOf, PasskeyPatterns, PasskeyView } from '@app/contracts';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { noSuchPasskey } from './find-passkey.usecase';
import { Passkey, toPasskeyView } from './passkey.entity';

@Injectable()
export class RenamePasskey {
  constructor(private readonly em: EntityManager) {}

  /** @throws DomainError not_found unless it is the user's own passkey of this host: another's is as unknown as none. */
  async execute({ userId, rpId, passkeyId, name }: ParsedRequestOf<typeof PasskeyPatterns.rename>): Promise<PasskeyView> {
    const em = this.em.fork();
    const passkey = await em.findOne(Passkey, { id: passkeyId, user: userId, rpId });
    if (!passkey) throw noSuchPasskey();
    passkey.name = name;
    await em.flush();
    return toPasskeyView(passkey);
  }
}
