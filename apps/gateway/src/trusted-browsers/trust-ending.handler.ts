import { IdentityEvents, MfaEvents } from '@app/contracts';
import { AnnouncementHandler, handling } from '@app/platform';
import { Injectable } from '@nestjs/common';
import { TrustedBrowserStore } from './trusted-browser.store';

/**
 * A change of credentials or factors ends every trust of the user, however it
 * was made (the user, an admin's disable, a reset link). A trust made under
 * older credentials already skips nothing (its credential version is
 * checked); this also clears what the user's list would show, and covers 2FA
 * turned off, which changes no credential version.
 */
@Injectable()
export class TrustEndingHandler {
  readonly handlers: AnnouncementHandler[];

  constructor(store: TrustedBrowserStore) {
    const end = ({ userId }: { userId: string }) => store.removeAll(userId);
    this.handlers = [handling(IdentityEvents.credentialsChanged, end), handling(MfaEvents.factorChanged, end)];
  }
}
