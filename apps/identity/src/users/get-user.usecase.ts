import { DomainError, ErrorCode, UserView } from '@app/contracts';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { toUserView, User } from './user.entity';

@Injectable()
export class GetUser {
  constructor(private readonly em: EntityManager) {}

  /** @throws DomainError not_found */
  async execute(userId: string): Promise<UserView> {
    const user = await this.em.fork().findOne(User, userId);
    if (!user) throw new DomainError(ErrorCode.NotFound, 'No such user.');
    return toUserView(user);
  }
}
