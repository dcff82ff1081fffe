import { CredentialsChange, IdentityEvents, RpcClient } from '@app/common';
import { Injectable } from '@nestjs/common';

/** Tells other services that a user's view or credentials changed, so that they drop what they cached. */
@Injectable()
export class UserChangedPublisher {
  constructor(private readonly rpc: RpcClient) {}

  publish(userId: string): void {
    this.rpc.emit(IdentityEvents.userChanged, { userId });
  }

  /** Sessions signed in under an older credential version end, but `sparedSessionId`. */
  publishCredentialsChanged(change: CredentialsChange, sparedSessionId?: string): void {
    this.publish(change.userId);
    this.rpc.emit(IdentityEvents.credentialsChanged, { ...change, sparedSessionId });
  }
}
