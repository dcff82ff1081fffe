import { IdentityEvents } from '@app/contracts';
import { AnnouncementHandler, handling } from '@app/platform';
import { Injectable } from '@nestjs/common';
import { SessionStore } from '../session/session.store';
import { TrustedBrowserStore } from '../trusted-browsers/trusted-browser.store';
import { PasskeyKeys } from './passkey-keys';

/**
 * Identity announces every passkey it removed, whoever asked: its owner (whose
 * answer this gateway may never have heard: it timed out, or the process
 * died), an admin turning 2FA off, or a "this wasn't me" report. What the
 * owner's removal does once answered is done here again, so that a lost
 * answer leaves none of it undone: the key kept for the passkey goes (identity
 * refuses a removed passkey when its use is recorded anyway, so this is
 * hygiene), the trusted browsers ask the second step again, and the sessions
 * it proved end, but the one that asked. Each step is idempotent. One gateway
 * process suffices, since keys, trusts and sessions are shared in Redis.
 */
@Injectable()
export class PasskeyRemovedHandler {
  readonly handlers: AnnouncementHandler[];

  constructor(keys: PasskeyKeys, trustedBrowsers: TrustedBrowserStore, sessions: SessionStore) {
    this.handlers = [
      handling(IdentityEvents.passkeyRemoved, async ({ userId, rpId, credentialId, passkeyId, sparedSessionId }) => {
        await keys.forget(rpId, credentialId);
        await trustedBrowsers.removeAll(userId);
        await sessions.deleteOfPasskey(userId, passkeyId, sparedSessionId);
      }),
    ];
  }
}
