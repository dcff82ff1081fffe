import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { SealedSecret } from '../secrets/secret-cipher';

/** A pending factor waits for its first code; only an active one guards sign-in. */
export type FactorState = 'pending' | 'active';

/**
 * A user's TOTP secret, sealed. A user has at most one row per state, so that a
 * new enrolment can wait for confirmation while the current factor still works.
 */
@Entity({ tableName: 'totp_factors' })
@Unique({ properties: ['userId', 'state'] })
export class TotpFactor {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  userId: string;

  @Property({ type: 'text' })
  state: FactorState = 'pending';

  @Property({ type: 'blob' })
  ciphertext: Buffer;

  @Property({ type: 'blob' })
  iv: Buffer;

  @Property({ type: 'blob' })
  authTag: Buffer;

  @Property({ type: 'text' })
  keyId: string;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', nullable: true })
  confirmedAt: Date | null = null;

  sealedSecret(): SealedSecret {
    return { ciphertext: this.ciphertext, iv: this.iv, authTag: this.authTag, keyId: this.keyId };
  }

  reseal({ ciphertext, iv, authTag, keyId }: SealedSecret): void {
    Object.assign(this, { ciphertext, iv, authTag, keyId });
  }

  activate(): void {
    this.state = 'active';
    this.confirmedAt = new Date();
  }
}
