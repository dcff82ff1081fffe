import { DomainError, ErrorCode, IdentityPatterns, ParsedRequestOf } from '@app/contracts';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { User } from './user.entity';

@Injectable()
export class SetLanguage {
  constructor(private readonly em: EntityManager) {}

  /**
   * No event: views cached elsewhere do not show the language, and mails read
   * it from here when they are written.
   * @throws DomainError not_found
   */
  async execute({ userId, language }: ParsedRequestOf<typeof IdentityPatterns.setLanguage>): Promise<void> {
    const updated = await this.em.fork().nativeUpdate(User, { id: userId }, { language, updatedAt: new Date() });
    if (updated === 0) throw new DomainError(ErrorCode.NotFound, 'No such user.');
  }
}
