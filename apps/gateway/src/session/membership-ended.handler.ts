import { TenancyEvents } from '@app/contracts';
import { AnnouncementHandler, handling } from '@app/platform';
import { Injectable } from '@nestjs/common';
import { SessionStore } from './session.store';

/**
 * Tenancy announces a membership it ended (an admin removed a client): her
 * sessions in that company end, also when the admin's answer never came back
 * and the retry found no one to remove (a 404). The admin's route ends them
 * first, so that its 204 means done; this is the net under it.
 */
@Injectable()
export class MembershipEndedHandler {
  readonly handlers: AnnouncementHandler[];

  constructor(sessions: SessionStore) {
    this.handlers = [
      handling(TenancyEvents.memberLeft, ({ userId, companyId }) =>
        sessions.deleteWhere(userId, (session) => session.record.companyId === companyId),
      ),
    ];
  }
}
