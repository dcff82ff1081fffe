import { DomainError, ErrorCode, FoundPasskey, Language, ParsedRequestOf, PasskeyPatterns, PasskeyTransport } from '@app/contracts';
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
  email: string;
  user_name: string;
  activated: boolean;
  google: boolean;
  credential_version: number;
  language: Language;
}

/**
 * Every passkey sign-in asks this: plain SQL, as hydrating two entities costs
 * more than the query. The RP ID is part of the lookup, not a check after
 * it: a passkey made on another host is unknown here.
 */
const PASSKEY_WITH_OWNER = `
  select p.id, p.user_id, p.rp_id, p.credential_id, p.public_key, p.counter, p.transports, p.aaguid, p.name,
         p.backup_eligible, p.backed_up, p.created_at, p.last_used_at,
         u.email, u.name as user_name, u.activated_at is not null as activated, u.google_sub is not null as google,
         u.credential_version, u.language
  from identity.passkeys p join identity.users u on u.id = p.user_id
  where p.credential_id = ? and p.rp_id = ?`;

@Injectable()
export class FindPasskey {
  constructor(private readonly em: EntityManager) {}

  /** With its owner, whom a sign-in needs next. @throws DomainError not_found */
  async execute({ credentialId, rpId }: ParsedRequestOf<typeof PasskeyPatterns.find>): Promise<FoundPasskey> {
    const [row] = await this.em.getConnection().execute<FoundRow[]>(PASSKEY_WITH_OWNER, [credentialId, rpId]);
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
      owner: {
        id: row.user_id,
        email: row.email,
        name: row.user_name,
        active: row.activated,
        google: row.google,
        credentialVersion: row.credential_version,
        language: row.language,
      },
    };
  }
}
