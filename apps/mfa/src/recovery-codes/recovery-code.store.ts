import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { RecoveryCode } from './recovery-code.entity';
import { newRecoveryCode, normaliseRecoveryCode, recoveryCodeHash } from './recovery-code';

const CODES_PER_USER = 10;

/** A user's recovery codes. Every method works inside the caller's unit of work. */
@Injectable()
export class RecoveryCodeStore {
  /** @returns the new codes, to show once: only their hashes are stored. */
  async replace(em: EntityManager, userId: string): Promise<string[]> {
    await this.removeAll(em, userId);
    const codes = new Set<string>();
    while (codes.size < CODES_PER_USER) codes.add(newRecoveryCode());
    const rows = [...codes].map((code) => new RecoveryCode(userId, recoveryCodeHash(userId, code.replace('-', ''))));
    await em.insertMany(rows);
    return [...codes];
  }

  /**
   * Spends the code with one conditional update, so that of racing requests
   * exactly one gets through.
   */
  async consume(em: EntityManager, userId: string, typed: string): Promise<boolean> {
    const code = normaliseRecoveryCode(typed);
    if (!code) return false;
    const spent: { id: string }[] = await em
      .createQueryBuilder(RecoveryCode)
      .update({ usedAt: new Date() })
      .where({ userId, codeHash: recoveryCodeHash(userId, code), usedAt: null })
      .returning('id')
      .execute('all', false);
    return spent.length === 1;
  }

  async removeAll(em: EntityManager, userId: string): Promise<void> {
    await em.nativeDelete(RecoveryCode, { userId });
  }

  async removeMadeSince(em: EntityManager, userId: string, since: Date): Promise<void> {
    await em.nativeDelete(RecoveryCode, { userId, createdAt: { $gte: since } });
  }
}
