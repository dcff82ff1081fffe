import { DomainError, ErrorCode, ParsedRequestOf, PasskeyPatterns } from '@app/contracts';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, Logger } from '@nestjs/common';
import { Passkey } from './passkey.entity';

@Injectable()
export class RecordPasskeyUse {
  private readonly logger = new Logger(RecordPasskeyUse.name);

  constructor(private readonly em: EntityManager) {}

  /**
   * One conditional update: of two assertions racing with the same counter,
   * only one moves it, so a copy of an authenticator (or a replay) cannot
   * slip in between the gateway's check and this write. Authenticators
   * without a counter (synced passkeys) always send 0, which stays allowed.
   * @throws DomainError invalid_passkey when the counter did not move forward
   */
  async execute({ passkeyId, counter, backedUp }: ParsedRequestOf<typeof PasskeyPatterns.recordUse>): Promise<void> {
    const forward = counter === 0 ? { counter: 0 } : { counter: { $lt: counter } };
    const updated = await this.em.fork().nativeUpdate(Passkey, { id: passkeyId, ...forward }, { counter, backedUp, lastUsedAt: new Date() });
    if (updated === 1) return;
    this.logger.warn({ passkeyId, counter }, 'Passkey assertion refused: its signature counter did not move forward (cloned authenticator?)');
    throw new DomainError(ErrorCode.InvalidPasskey, 'This passkey was refused: its signature counter went back, as a copy of it would.');
  }
}
