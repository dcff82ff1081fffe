import { Entity, ManyToOne, PrimaryKey, Property, Ref } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { User } from '../users/user.entity';

export type TokenPurpose = 'activation' | 'reset' | 'not_me';

/** A single-use secret sent by mail. Only its SHA-256 is kept, so a database leak yields no usable link. */
@Entity({ tableName: 'user_tokens' })
export class UserToken {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade' })
  user: Ref<User>;

  @Property({ type: 'text' })
  purpose: TokenPurpose;

  @Property({ type: 'text', unique: true })
  tokenHash: string;

  @Property({ type: 'timestamptz' })
  expiresAt: Date;

  @Property({ type: 'timestamptz', nullable: true })
  usedAt: Date | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  /** A not_me link's: when the change it reports happened. Its report undoes the factors added since. */
  @Property({ type: 'timestamptz', nullable: true })
  changedAt: Date | null;

  /**
   * An activation link's: the company whose invitation mailed it, which
   * activating through it joins, and no other that added the user (no foreign
   * key: companies live in tenancy). Null for links older than 2026-12-06.
   */
  @Property({ type: 'uuid', nullable: true })
  companyId: string | null;

  constructor(user: Ref<User>, purpose: TokenPurpose, tokenHash: string, expiresAt: Date, context: { changedAt?: Date; companyId?: string } = {}) {
    this.user = user;
    this.purpose = purpose;
    this.tokenHash = tokenHash;
    this.expiresAt = expiresAt;
    this.changedAt = context.changedAt ?? null;
    this.companyId = context.companyId ?? null;
  }
}
