import { HelpRequestView, IdentityPatterns } from '@app/contracts';
import { RpcClient } from '@app/platform';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { HELP_REQUEST_DAYS, HelpRequest, standsFor } from './help-request.entity';

/** Bounded by identity's lookup limit; a company never has this many clients locked out at once. */
const MAX_LISTED = 500;

@Injectable()
export class ListOpenHelpRequests {
  constructor(
    private readonly em: EntityManager,
    private readonly rpc: RpcClient,
  ) {}

  /** Newest first, with who asked, in one query and one identity call; only those that still stand (standsFor). */
  async execute(companyId: string): Promise<HelpRequestView[]> {
    const since = new Date(Date.now() - HELP_REQUEST_DAYS * 86_400_000);
    const requests = await this.em
      .fork()
      .find(
        HelpRequest,
        { company: companyId, closedAt: null, createdAt: { $gt: since } },
        { orderBy: { createdAt: 'desc', id: 'desc' }, limit: MAX_LISTED },
      );
    if (requests.length === 0) return [];
    const users = await this.rpc.request(IdentityPatterns.findUsers, { userIds: [...new Set(requests.map((request) => request.userId))] });
    const byId = new Map(users.map((user) => [user.id, user]));
    return requests.flatMap((request) => {
      const user = byId.get(request.userId);
      if (!user || !standsFor(request, user.credentialVersion)) return [];
      return [{ id: request.id, user: { id: user.id, email: user.email, name: user.name }, message: request.message, createdAt: request.createdAt.toISOString() }];
    });
  }
}
