import { DomainError, ErrorCode, ParsedRequestOf, PasskeyCredential, PasskeyPatterns } from '@app/contracts';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { Passkey, toPasskeyCredential } from './passkey.entity';

export const noSuchPasskey = () => new DomainError(ErrorCode.NotFound, 'No such passkey.');

@Injectable()
export class FindPasskey {
  constructor(private readonly em: EntityManager) {}

  /**
   * The RP ID is part of the lookup, not a check after it: a passkey made on
   * another host is unknown here.
   * @throws DomainError not_found
   */
  async execute({ credentialId, rpId }: ParsedRequestOf<typeof PasskeyPatterns.find>): Promise<PasskeyCredential> {
    const passkey = await this.em.fork().findOne(Passkey, { credentialId, rpId });
    if (!passkey) throw noSuchPasskey();
    return toPasskeyCredential(passkey);
  }
}
