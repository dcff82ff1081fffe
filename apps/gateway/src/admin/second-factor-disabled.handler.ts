import { Event, EventPayloadOf, Listens, TenancyEvents } from '@app/common';
import { Controller, Injectable } from '@nestjs/common';
import { MemberContextCache } from '../me/member-context.cache';
import { SessionStore } from '../session/session.store';

/** What an admin's 2FA disable ends: every session, device token and sign-in in progress of the user. */
@Injectable()
export class SecondFactorDisabledSessions {
  constructor(
    private readonly sessions: SessionStore,
    private readonly cache: MemberContextCache,
  ) {}

  async end(userId: string): Promise<void> {
    await this.sessions.deleteAllOfUser(userId);
    await this.cache.invalidate(userId);
  }
}

/**
 * Tenancy announces every disable it wrote, also one whose answer came too
 * late for the admin's request (a 503): the sessions end all the same. Any
 * one gateway process suffices, since sessions are shared in Redis.
 */
@Controller()
export class SecondFactorDisabledHandler {
  constructor(private readonly sessions: SecondFactorDisabledSessions) {}

  @Listens(TenancyEvents.secondFactorDisabled)
  async onSecondFactorDisabled(
    @Event(TenancyEvents.secondFactorDisabled) event: EventPayloadOf<typeof TenancyEvents.secondFactorDisabled>,
  ): Promise<void> {
    await this.sessions.end(event.userId);
  }
}
