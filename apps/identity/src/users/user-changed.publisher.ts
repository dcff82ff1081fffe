import { AnnouncementRelay, CredentialsChange, IdentityEvents, RpcClient } from '@app/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';

/** Tells other services that a user's view or credentials changed, so that they drop what they cached. */
@Injectable()
export class UserChangedPublisher {
  constructor(
    private readonly rpc: RpcClient,
    private readonly announcements: AnnouncementRelay,
  ) {}

  publish(userId: string): void {
    this.rpc.emit(IdentityEvents.userChanged, { userId });
  }

  /**
   * In the transaction of the change: sessions signed in under an older
   * credential version must end, but `sparedSessionId`. Lost, that would leave
   * them open, so it commits with the change and is sent by the relay.
   */
  async recordCredentialsChanged(tx: EntityManager, change: CredentialsChange, sparedSessionId?: string): Promise<void> {
    await this.announcements.record(tx, IdentityEvents.credentialsChanged, { ...change, sparedSessionId });
  }

  /** After the commit: sends what recordCredentialsChanged wrote (its revocation drops the cached view too). */
  sendRecorded(): void {
    this.announcements.sendSoon();
  }
}
