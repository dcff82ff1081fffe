import { Event, EventPayloadOf, IdentityEvents, Listens } from '@app/common';
import { Controller } from '@nestjs/common';
import { SessionStore } from './session.store';

/**
 * Identity announces every change of credentials it committed, also one whose
 * answer never reached the gateway that asked (it timed out, or its process
 * died): the sessions signed in under the old ones end all the same. Any one
 * gateway process suffices, since sessions are shared in Redis.
 */
@Controller()
export class CredentialsChangedHandler {
  constructor(private readonly sessions: SessionStore) {}

  @Listens(IdentityEvents.credentialsChanged)
  async onCredentialsChanged(
    @Event(IdentityEvents.credentialsChanged) event: EventPayloadOf<typeof IdentityEvents.credentialsChanged>,
  ): Promise<void> {
    await this.sessions.revokeCredentials(event.userId, event.credentialVersion, event.sparedSessionId);
  }
}
