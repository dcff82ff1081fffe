import { UserView } from '@app/contracts';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { toUserView, User } from './user.entity';

@Injectable()
export class FindUsers {
  constructor(private readonly em: EntityManager) {}

  /** Ids without a user are left out rather than failing the whole lookup. */
  async execute(userIds: string[]): Promise<UserView[]> {
    if (userIds.length === 0) return [];
    const users = await this.em.fork().find(User, { id: { $in: userIds } });
    return users.map(toUserView);
  }
}
