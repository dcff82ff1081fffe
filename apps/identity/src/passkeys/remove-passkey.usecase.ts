import { IdentityEvents, ParsedRequestOf, PasskeyPatterns } from '@app/contracts';
import { AnnouncementRelay } from '@app/platform/service';
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
    private readonly announcements: AnnouncementRelay,
  ) {}

  /**
   * The gateway forgets the key it kept, and ends the sessions the passkey
   * proved but `sparedSessionId`, when it hears the answer; the announcement
   * does both for an answer it never heard (it timed out, or its process died).
   * @throws DomainError not_found unless it is the user's own passkey of this host.
   */
  async execute({ userId, rpId, passkeyId, sparedSessionId }: ParsedRequestOf<typeof PasskeyPatterns.remove>): Promise<{ credentialId: string }> {
    const em = this.em.fork();
    const passkey = await em.findOne(Passkey, { id: passkeyId, user: userId, rpId }, { populate: ['user'] });
    if (!passkey) throw noSuchPasskey();
    // By id only: of two removals racing, the second deletes nothing and mails nothing.
    await em.transactional(async (tx) => {
      if ((await tx.nativeDelete(Passkey, { id: passkey.id })) === 0) throw noSuchPasskey();
      await this.mail.recordChange(tx, passkey.user.getEntity(), 'removed', passkey);
      const removed = { userId, rpId, credentialId: passkey.credentialId, passkeyId: passkey.id, sparedSessionId };
      await this.announcements.record(tx, IdentityEvents.passkeyRemoved, removed);
    });
    this.mail.sendSoon();
    this.announcements.sendSoon();
    return { credentialId: passkey.credentialId };
  }
}
