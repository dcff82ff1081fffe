import { Event, EventPayloadOf, IdentityEvents, Listens, MfaEvents, TenancyEvents } from '@app/common';
import { Controller } from '@nestjs/common';
import { MemberContextCache } from './member-context.cache';

/** Services announce changes; the cached view of that user is dropped (any one gateway process suffices: the cache is shared). */
@Controller()
export class ViewInvalidationHandler {
  constructor(private readonly cache: MemberContextCache) {}

  @Listens(TenancyEvents.memberChanged)
  async onMemberChanged(@Event(TenancyEvents.memberChanged) event: EventPayloadOf<typeof TenancyEvents.memberChanged>) {
    await this.cache.invalidate(event.userId);
  }

  @Listens(MfaEvents.factorChanged)
  async onFactorChanged(@Event(MfaEvents.factorChanged) event: EventPayloadOf<typeof MfaEvents.factorChanged>) {
    await this.cache.invalidate(event.userId);
  }

  @Listens(IdentityEvents.userChanged)
  async onUserChanged(@Event(IdentityEvents.userChanged) event: EventPayloadOf<typeof IdentityEvents.userChanged>) {
    await this.cache.invalidate(event.userId);
  }
}
