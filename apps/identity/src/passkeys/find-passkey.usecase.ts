import { DomainError, ErrorCode, FoundPasskey, ParsedRequestOf, PasskeyPatterns } from '@app/contracts';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { toUserView } from '../users/user.entity';
import { Passkey, toPasskeyCredential } from './passkey.entity';

export const noSuchPasskey = () => new DomainError(ErrorCode.NotFound, 'No such passkey.');

@Injectable()
export class FindPasskey {
  constructor(private readonly em: EntityManager) {}

  /**
   * The RP ID is part of the lookup, not a check after it: a passkey made on
   * another host is unknown here. The owner comes in the same query: a sign-in
   * needs them next.
   * @throws DomainError not_found
   */
  async execute({ credentialId, rpId }: ParsedRequestOf<typeof PasskeyPatterns.find>): Promise<FoundPasskey> {
    const passkey = await this.em.fork().findOne(Passkey, { credentialId, rpId }, { populate: ['user'] });
    if (!passkey) throw noSuchPasskey();
    return { ...toPasskeyCredential(passkey), owner: toUserView(passkey.user.getEntity()) };
  }
}
