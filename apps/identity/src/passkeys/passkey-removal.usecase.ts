import { IdentityEvents, ParsedRequestOf, PasskeyPatterns } from '@app/contracts';
import { AnnouncementRelay } from '@app/platform/service';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';

/** One statement, so that a passkey registered meanwhile is either removed and announced, or neither. */
const REMOVE_MADE_SINCE = `delete from identity.passkeys where user_id = ? and created_at >= ? returning id, rp_id, credential_id`;

interface RemovedRow {
  id: string;
  rp_id: string;
  credential_id: string;
}

/** Passkeys removed in bulk: all of a user's (the admin's 2FA disable), or those made since a change the user reported. */
@Injectable()
export class PasskeyRemoval {
  constructor(
    private readonly em: EntityManager,
    private readonly announcements: AnnouncementRelay,
  ) {}

  /**
   * Every host's, the easy access host's included: a passkey left on a lost
   * phone would sign in wherever it was made. Unlike removing one passkey,
   * this mails nothing: the admin's 2FA disable sends one mail that says it.
   */
  async all({ userId }: ParsedRequestOf<typeof PasskeyPatterns.removeAllOfUser>): Promise<{ removed: number }> {
    const removed = await this.em.fork().transactional((tx) => this.madeSince(tx, userId, new Date(0)));
    if (removed > 0) this.announcements.sendSoon();
    return { removed };
  }

  /**
   * In the caller's transaction, which sends the announcements once it
   * committed: each removal is announced, so that the gateway drops the key
   * it kept; a sign-in verifying with that key meanwhile is refused when it
   * records the use.
   * @returns how many were removed
   */
  async madeSince(tx: EntityManager, userId: string, since: Date): Promise<number> {
    const rows = await tx.execute<RemovedRow[]>(REMOVE_MADE_SINCE, [userId, since]);
    for (const { id: passkeyId, rp_id: rpId, credential_id: credentialId } of rows) {
      await this.announcements.record(tx, IdentityEvents.passkeyRemoved, { userId, rpId, credentialId, passkeyId });
    }
    return rows.length;
  }
}
