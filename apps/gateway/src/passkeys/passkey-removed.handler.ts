import { IdentityEvents } from '@app/contracts';
import { AnnouncementHandler, handling } from '@app/platform';
import { Injectable } from '@nestjs/common';
import { PasskeyKeys } from './passkey-keys';

/**
 * Identity announces every passkey it removed, whoever asked: its owner (whose
 * answer this gateway may never have heard), or an admin turning 2FA off, who
 * removes all of them through tenancy. The key kept for it goes at once rather
 * than at its expiry: identity refuses a removed passkey when its use is
 * recorded anyway, so this is hygiene, not the lock. One gateway process
 * suffices, since the keys are shared in Redis.
 */
@Injectable()
export class PasskeyRemovedHandler {
  readonly handlers: AnnouncementHandler[];

  constructor(keys: PasskeyKeys) {
    this.handlers = [handling(IdentityEvents.passkeyRemoved, ({ rpId, credentialId }) => keys.forget(rpId, credentialId))];
  }
}
