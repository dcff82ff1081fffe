import { DomainError, ErrorCode, IdentityPatterns, ParsedRequestOf } from '@app/contracts';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { UserTokenStore } from './user-token.store';

@Injectable()
export class CheckLink {
  constructor(
    private readonly em: EntityManager,
    private readonly tokens: UserTokenStore,
  ) {}

  /** Reads only: opening the page must leave the link usable for the form it shows. */
  async execute({ token, purpose }: ParsedRequestOf<typeof IdentityPatterns.checkLink>): Promise<{ usable: boolean }> {
    try {
      await this.tokens.peekUserId(this.em.fork(), token, purpose);
      return { usable: true };
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.InvalidToken) return { usable: false };
      throw error;
    }
  }
}
