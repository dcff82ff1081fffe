import { IdentityPatterns, MemberSummary, UserView } from '@app/contracts';
import { RpcClient } from '@app/platform';
import { Injectable } from '@nestjs/common';

/** Names and emails of users, from identity, which owns them. */
@Injectable()
export class MemberSummaries {
  constructor(private readonly rpc: RpcClient) {}

  /**
   * A user identity no longer knows keeps their id, with an empty name and
   * email, rather than hiding the request or audit entry that names them.
   */
  async of(userIds: string[]): Promise<(userId: string) => MemberSummary> {
    const users = await this.find(userIds);
    return (userId) => {
      const user = users.get(userId);
      return user ? { id: user.id, email: user.email, name: user.name } : { id: userId, email: '', name: '' };
    };
  }

  /** The users identity knows among `userIds`, in one call for all (at most 1000, identity's limit). */
  async find(userIds: string[]): Promise<Map<string, UserView>> {
    const ids = [...new Set(userIds)];
    const users = ids.length > 0 ? await this.rpc.request(IdentityPatterns.findUsers, { userIds: ids }) : [];
    return new Map(users.map((user) => [user.id, user]));
  }
}
