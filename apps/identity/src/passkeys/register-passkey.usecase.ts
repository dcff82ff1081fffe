import { DomainError, ErrorCode, ParsedRequestOf, PasskeyPatterns, PasskeyView } from '@app/contracts';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { User } from '../users/user.entity';
import { PasskeyChangedMail } from './passkey-changed.mail';
import { Passkey, toPasskeyView } from './passkey.entity';

@Injectable()
export class RegisterPasskey {
  constructor(
    private readonly em: EntityManager,
    private readonly mail: PasskeyChangedMail,
  ) {}

  /**
   * Stores a credential the gateway verified (attestation `none`: the key is
   * trusted for what the ceremony proved, not for its maker).
   * @throws DomainError not_found for an unknown or inactive user; conflict for a credential id already stored
   */
  async execute({ userId, ...fields }: ParsedRequestOf<typeof PasskeyPatterns.register>): Promise<PasskeyView> {
    const em = this.em.fork();
    const user = await em.findOne(User, userId);
    if (!user?.activatedAt) throw new DomainError(ErrorCode.NotFound, 'No such user.');
    const passkey = new Passkey(user, fields);
    try {
      await em.transactional(async (tx) => {
        tx.persist(passkey);
        await this.mail.recordChange(tx, user, 'added', passkey);
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) {
        throw new DomainError(ErrorCode.Conflict, 'This passkey is already registered.');
      }
      throw error;
    }
    this.mail.sendSoon();
    return toPasskeyView(passkey);
  }
}
