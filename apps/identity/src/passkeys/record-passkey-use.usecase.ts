import { DomainError, ErrorCode, ParsedRequestOf, PasskeyPatterns } from '@app/contracts';
import { EntityManager, QueryResult } from '@mikro-orm/postgresql';
import { Injectable, Logger } from '@nestjs/common';

/** A counter of 0 stays allowed at 0: authenticators without one (synced passkeys) always send it. */
const RECORD_USE = `
  update identity.passkeys set counter = ?, backed_up = ?, last_used_at = now()
  where id = ? and (counter < ? or (counter = 0 and ? = 0))`;

@Injectable()
export class RecordPasskeyUse {
  private readonly logger = new Logger(RecordPasskeyUse.name);

  constructor(private readonly em: EntityManager) {}

  /**
   * One conditional update, in plain SQL as every passkey sign-in sends it: of two assertions racing with the same counter,
   * only one moves it, so a copy of an authenticator (or a replay) cannot
   * slip in between the gateway's check and this write. Authenticators
   * without a counter (synced passkeys) always send 0, which stays allowed.
   * @throws DomainError invalid_passkey when the counter did not move forward
   */
  async execute({ passkeyId, counter, backedUp }: ParsedRequestOf<typeof PasskeyPatterns.recordUse>): Promise<void> {
    const { affectedRows } = await this.em.getConnection().execute<QueryResult>(RECORD_USE, [counter, backedUp, passkeyId, counter, counter], 'run');
    if (affectedRows === 1) return;
    this.logger.warn({ passkeyId, counter }, 'Passkey assertion refused: its signature counter did not move forward (cloned authenticator?)');
    throw new DomainError(ErrorCode.InvalidPasskey, 'This passkey was refused: its signature counter went back, as a copy of it would.');
  }
}
