import { IdentityPatterns, MemberSummary } from '@app/contracts';
import { RpcClient } from '@app/platform';
import { Injectable } from '@nestjs/common';

/** Names and emails of users, from identity, which owns them. */
@Injectable()
export class MemberSummaries {
  constructor(private readonly rpc: RpcClient) {}

  /**
   * One identity call for all the ids (at most 1000, identity's limit). A user
   * identity no longer knows keeps their id, with an empty name and email,
   * rather than hiding the request or audit entry that names them.
   */
  async of(userIds: string[]): Promise<(userId: string) => MemberSummary> {
    const ids = [...new Set(userIds)];
    const users = ids.length > 0 ? await this.rpc.request(IdentityPatterns.findUsers, { userIds: ids }) : [];
    const byId = new Map(users.map((user) => [user.id, { id: user.id, email: user.email, name: user.name }]));
    return (userId) => byId.get(userId) ?? { id: userId, email: '', name: '' };
  }
}
