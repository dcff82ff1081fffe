import { BigIntType, Entity, ManyToOne, PrimaryKey, Property, ref, Ref, Unique } from '@mikro-orm/core';
import { PasskeyCredential, PasskeyTransport, PasskeyView } from '@app/contracts';
import { randomUUID } from 'node:crypto';
import { User } from '../users/user.entity';

/**
 * A WebAuthn credential of one user on one portal host (its RP ID). The public
 * key alone cannot sign in: a dump of this table opens nothing.
 */
@Entity({ tableName: 'passkeys' })
export class Passkey {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade' })
  user: Ref<User>;

  @Property({ type: 'text' })
  rpId: string;

  /** Base64url, as the browser sends it; unique across hosts, as authenticators make it random. */
  @Unique()
  @Property({ type: 'text' })
  credentialId: string;

  /** COSE key, base64url. */
  @Property({ type: 'text' })
  publicKey: string;

  /** The last signature counter seen; a later assertion must carry a higher one, unless both are zero. */
  @Property({ type: new BigIntType('number') })
  counter: number;

  @Property({ type: 'text[]' })
  transports: PasskeyTransport[];

  @Property({ type: 'uuid' })
  aaguid: string;

  @Property({ type: 'text' })
  name: string;

  @Property({ type: 'boolean' })
  backupEligible: boolean;

  @Property({ type: 'boolean' })
  backedUp: boolean;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null = null;

  constructor(user: User, fields: Omit<PasskeyCredential, 'id' | 'userId' | 'createdAt' | 'lastUsedAt'>) {
    this.user = ref(user);
    this.rpId = fields.rpId;
    this.credentialId = fields.credentialId;
    this.publicKey = fields.publicKey;
    this.counter = fields.counter;
    this.transports = fields.transports;
    this.aaguid = fields.aaguid;
    this.name = fields.name;
    this.backupEligible = fields.backupEligible;
    this.backedUp = fields.backedUp;
  }
}

export function toPasskeyView(passkey: Passkey): PasskeyView {
  return {
    id: passkey.id,
    userId: passkey.user.id,
    rpId: passkey.rpId,
    credentialId: passkey.credentialId,
    transports: passkey.transports,
    aaguid: passkey.aaguid,
    name: passkey.name,
    backupEligible: passkey.backupEligible,
    backedUp: passkey.backedUp,
    createdAt: passkey.createdAt.toISOString(),
    lastUsedAt: passkey.lastUsedAt?.toISOString() ?? null,
  };
}

export function toPasskeyCredential(passkey: Passkey): PasskeyCredential {
  return { ...toPasskeyView(passkey), publicKey: passkey.publicKey, counter: passkey.counter };
}
