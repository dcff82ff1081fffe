import { TenancyEvents, TenancyPatterns } from '@app/contracts';
import { AnnouncementHandler, handling, RpcClient } from '@app/platform';
import { Injectable } from '@nestjs/common';
import { SessionStore } from './session.store';

/**
 * Tenancy announces a membership it ended (an admin removed a client): her
 * sessions in that company end, also when the admin's answer never came back
 * and the retry found no one to remove (a 404), and also one a sign-in in
 * flight opened after the admin's route ended the others. The admin's route
 * ends them first, so that its 204 means done; this is the net under it.
 * Heard late (the announcement waits while no gateway runs), after she joined
 * the firm again, it ends nothing.
 */
@Injectable()
export class MembershipEndedHandler {
  readonly handlers: AnnouncementHandler[];

  constructor(sessions: SessionStore, rpc: RpcClient) {
    this.handlers = [
      handling(TenancyEvents.memberLeft, async ({ userId, companyId }) => {
        const { standing } = await rpc.request(TenancyPatterns.standing, { userId, companyId });
        if (standing === 'member') return;
        await sessions.deleteWhere(userId, (session) => session.record.companyId === companyId);
      }),
    ];
  }
}
