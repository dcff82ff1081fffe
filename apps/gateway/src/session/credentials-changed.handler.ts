import { IdentityEvents } from '@app/contracts';
import { AnnouncementHandler, handling } from '@app/platform';
import { Injectable } from '@nestjs/common';
import { KnownBrowsers } from '../security-alerts/known-browsers';
import { SessionStore } from './session.store';

/**
 * Identity announces every change of credentials it committed, also one whose
 * answer never reached the gateway that asked (it timed out, or its process
 * died): the sessions signed in under the old ones end all the same, and the
 * browsers kept as known are asked of identity again, which forgets some on
 * "this wasn't me". One gateway process suffices, since both are shared in Redis.
 */
@Injectable()
export class CredentialsChangedHandler {
  readonly handlers: AnnouncementHandler[];

  constructor(sessions: SessionStore, knownBrowsers: KnownBrowsers) {
    this.handlers = [
      handling(IdentityEvents.credentialsChanged, async ({ userId, credentialVersion, sparedSessionId, keepWebSessions }) => {
        await sessions.revokeCredentials(userId, credentialVersion, sparedSessionId, keepWebSessions);
        await knownBrowsers.forgetKnown(userId);
      }),
    ];
  }
}
