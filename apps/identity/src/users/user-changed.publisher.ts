import { CredentialsChange, IdentityEvents } from '@app/contracts';
import { AnnouncementRelay } from '@app/platform/service';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';

/**
 * Tells other services that a user's view or credentials changed, so that they
 * drop what they cached. Each announcement is written in the transaction of
 * its change and sent by the relay once that committed: lost, it would leave
 * a cached view stale, or old sessions open.
 */
@Injectable()
export class UserChangedPublisher {
  constructor(private readonly announcements: AnnouncementRelay) {}

  /** In the transaction of the change: what is shown of the user (name, Google link, activation) changed. */
  async recordUserChanged(tx: EntityManager, userId: string): Promise<void> {
    await this.announcements.record(tx, IdentityEvents.userChanged, { userId });
  }

  /**
   * In the transaction of the change: sessions signed in under an older
   * credential version must end, but `sparedSessionId`.
   */
  async recordCredentialsChanged(tx: EntityManager, change: CredentialsChange, sparedSessionId?: string, keepWebSessions?: boolean): Promise<void> {
    await this.announcements.record(tx, IdentityEvents.credentialsChanged, { ...change, sparedSessionId, ...(keepWebSessions ? { keepWebSessions } : {}) });
  }

  /** After the commit: sends what was recorded (a revocation drops the cached view too). */
  sendRecorded(): void {
    this.announcements.sendSoon();
  }
}
