import { DomainError, ErrorCode, ParsedRequestOf, PasskeyPatterns, PasskeyUse } from '@app/contracts';
import { EntityManager, QueryResult } from '@mikro-orm/postgresql';
import { Injectable, Logger } from '@nestjs/common';
import { USER_VIEW_COLUMNS, userViewOf, UserViewRow } from '../users/user-view-row';
import { noSuchPasskey } from './find-passkey.usecase';

/**
 * The use and the owner in one statement. A counter of 0 stays allowed at 0:
 * authenticators without one (synced passkeys) always send it.
 */
const RECORD_USE = `
  with used as (
    update identity.passkeys set counter = ?, backed_up = ?, last_used_at = now()
    where id = ? and (counter < ? or (counter = 0 and ? = 0))
    returning user_id)
  select ${USER_VIEW_COLUMNS}
  from identity.users u join used on used.user_id = u.id`;

const PASSKEY_EXISTS = `select 1 from identity.passkeys where id = ?`;

@Injectable()
export class RecordPasskeyUse {
  private readonly logger = new Logger(RecordPasskeyUse.name);

  constructor(private readonly em: EntityManager) {}

  /**
   * One conditional update, in plain SQL as every passkey sign-in sends it: of two assertions racing with the same counter,
   * only one moves it, so a copy of an authenticator (or a replay) cannot
   * slip in between the gateway's check and this write. Authenticators
   * without a counter (synced passkeys) always send 0, which stays allowed.
   * @throws DomainError invalid_passkey when the counter did not move forward; not_found when the passkey is gone
   */
  async execute({ passkeyId, counter, backedUp }: ParsedRequestOf<typeof PasskeyPatterns.recordUse>): Promise<PasskeyUse> {
    const connection = this.em.getConnection();
    const [owner] = await connection.execute<UserViewRow[]>(RECORD_USE, [counter, backedUp, passkeyId, counter, counter]);
    if (owner) return { owner: userViewOf(owner) };
    const [present] = await connection.execute<QueryResult[]>(PASSKEY_EXISTS, [passkeyId]);
    if (!present) throw noSuchPasskey();
    this.logger.warn({ passkeyId, counter }, 'Passkey assertion refused: its signature counter did not move forward (cloned authenticator?)');
    throw new DomainError(ErrorCode.InvalidPasskey, 'This passkey was refused: its signature counter went back, as a copy of it would.');
  }
}
