import { ParsedRequestOf, PasskeyPatterns } from '@app/contracts';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { noSuchPasskey } from './find-passkey.usecase';
import { PasskeyChangedMail } from './passkey-changed.mail';
import { Passkey } from './passkey.entity';

@Injectable()
export class RemovePasskey {
  constructor(
    private readonly em: EntityManager,
    private readonly mail: PasskeyChangedMail,
  ) {}

  /** @throws DomainError not_found unless it is the user's own passkey of this host. */
  async execute({ userId, rpId, passkeyId }: ParsedRequestOf<typeof PasskeyPatterns.remove>): Promise<{ credentialId: string }> {
    const em = this.em.fork();
    const passkey = await em.findOne(Passkey, { id: passkeyId, user: userId, rpId }, { populate: ['user'] });
    if (!passkey) throw noSuchPasskey();
    // By id only: of two removals racing, the second deletes nothing and mails nothing.
    await em.transactional(async (tx) => {
      if ((await tx.nativeDelete(Passkey, { id: passkey.id })) === 0) throw noSuchPasskey();
      await this.mail.recordChange(tx, passkey.user.getEntity(), 'removed', passkey);
    });
    this.mail.sendSoon();
    return { credentialId: passkey.credentialId };
  }
}
