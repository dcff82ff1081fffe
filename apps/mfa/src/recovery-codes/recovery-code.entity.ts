import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/** A single-use way past the second factor. Only a hash is kept: the code is shown once. */
@Entity({ tableName: 'recovery_codes' })
export class RecoveryCode {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid', index: true })
  userId: string;

  @Property({ type: 'text', unique: true })
  codeHash: string;

  @Property({ type: 'timestamptz', nullable: true })
  usedAt: Date | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  constructor(userId: string, codeHash: string) {
    this.userId = userId;
    this.codeHash = codeHash;
  }
}
