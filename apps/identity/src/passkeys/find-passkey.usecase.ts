import { DomainError, ErrorCode, ParsedRequestOf, PasskeyCredential, PasskeyPatterns, PasskeyTransport } from '@app/contracts';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';

export const noSuchPasskey = () => new DomainError(ErrorCode.NotFound, 'No such passkey.');

interface FoundRow {
  id: string;
  user_id: string;
  rp_id: string;
  credential_id: string;
  public_key: string;
  counter: string;
  transports: PasskeyTransport[];
  aaguid: string;
  name: string;
  backup_eligible: boolean;
  backed_up: boolean;
  created_at: Date;
  last_used_at: Date | null;
}

/**
 * Asked by a passkey sign-in whose key the gateway does not keep yet: plain
 * SQL, as hydrating an entity costs more than the query. The RP ID is part of
 * the lookup, not a check after it: a passkey made on another host is unknown here.
 */
const PASSKEY = `
  select id, user_id, rp_id, credential_id, public_key, counter, transports, aaguid, name,
         backup_eligible, backed_up, created_at, last_used_at
  from identity.passkeys
  where credential_id = ? and rp_id = ?`;

@Injectable()
export class FindPasskey {
  constructor(private readonly em: EntityManager) {}

  /** @throws DomainError not_found */
  async execute({ credentialId, rpId }: ParsedRequestOf<typeof PasskeyPatterns.find>): Promise<PasskeyCredential> {
    const [row] = await this.em.getConnection().execute<FoundRow[]>(PASSKEY, [credentialId, rpId]);
    if (!row) throw noSuchPasskey();
    return {
      id: row.id,
      userId: row.user_id,
      rpId: row.rp_id,
      credentialId: row.credential_id,
      publicKey: row.public_key,
      counter: Number(row.counter),
      transports: row.transports,
      aaguid: row.aaguid,
      name: row.name,
      backupEligible: row.backup_eligible,
      backedUp: row.backed_up,
      createdAt: new Date(row.created_at).toISOString(),
      lastUsedAt: row.last_used_at && new Date(row.last_used_at).toISOString(),
    };
  }
}
