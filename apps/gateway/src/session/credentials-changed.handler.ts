import { IdentityEvents } from '@app/contracts';
import { AnnouncementHandler, handling } from '@app/platform';
import { Injectable } from '@nestjs/common';
import { SessionStore } from './session.store';

/**
 * Identity announces every change of credentials it committed, also one whose
 * answer never reached the gateway that asked (it timed out, or its process
 * died): the sessions signed in under the old ones end all the same. One
 * gateway process suffices, since sessions are shared in Redis.
 */
@Injectable()
export class CredentialsChangedHandler {
  readonly handlers: AnnouncementHandler[];

  constructor(sessions: SessionStore) {
    this.handlers = [
      handling(IdentityEvents.credentialsChanged, ({ userId, credentialVersion, sparedSessionId, keepWebSessions }) =>
        sessions.revokeCredentials(userId, credentialVersion, sparedSessionId, keepWebSessions),
      ),
    ];
  }
}
