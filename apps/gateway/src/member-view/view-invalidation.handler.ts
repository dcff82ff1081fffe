import { IdentityEvents, MfaEvents, TenancyEvents } from '@app/contracts';
import { AnnouncementHandler, handling } from '@app/platform';
import { Injectable } from '@nestjs/common';
import { PortalViewCache } from './portal-view.cache';

/** Services announce changes; the cached view of that user is dropped (one gateway process suffices: the cache is shared). */
@Injectable()
export class ViewInvalidationHandler {
  readonly handlers: AnnouncementHandler[];

  constructor(cache: PortalViewCache) {
    const drop = ({ userId }: { userId: string }) => cache.invalidate(userId);
    this.handlers = [
      handling(TenancyEvents.memberChanged, drop),
      handling(TenancyEvents.memberLeft, drop),
      handling(MfaEvents.factorChanged, drop),
      handling(IdentityEvents.userChanged, drop),
    ];
  }
}
