import { REDIS, RedisClient } from '@app/platform';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Cluster } from 'ioredis';
import { MFA_CONFIG, MfaConfig } from '../config';
import { AttemptKeys, LEGACY_ATTEMPT_KEYS } from './attempt-keys';

type Family = keyof typeof LEGACY_ATTEMPT_KEYS;

/**
 * Moves the counters and locks that the versions before hash tags wrote
 * (`mfa:lock:<user>`…) to their tagged keys, so that a deploy lifts no lock:
 * a factor locked after a hundred wrong codes stays locked. Each old key is
 * taken with GETDEL, so replicas starting together move it once. Runs in the
 * background at boot, as a service starts without Redis too; a Cluster holds
 * no such key (those versions could not run on one).
 */
@Injectable()
export class LegacyAttemptKeys implements OnApplicationBootstrap {
  private readonly logger = new Logger(LegacyAttemptKeys.name);

  constructor(
    @Inject(REDIS) private readonly redis: RedisClient,
    @Inject(MFA_CONFIG) private readonly config: MfaConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (this.redis instanceof Cluster) return;
    this.moveAll().catch((error: Error) => this.logger.warn(`Keys of an earlier version not moved: ${error.message}`));
  }

  /** @returns how many keys moved */
  async moveAll(): Promise<number> {
    let moved = 0;
    for (const family of Object.keys(LEGACY_ATTEMPT_KEYS) as Family[]) {
      for (const userId of await this.usersWith(LEGACY_ATTEMPT_KEYS[family])) {
        if (await this.move(family, userId)) moved += 1;
      }
    }
    if (moved > 0) this.logger.log(`Moved ${moved} attempt counters and locks of an earlier version under hash tags`);
    return moved;
  }

  private async usersWith(legacyPrefix: string): Promise<string[]> {
    const prefix = `${this.config.REDIS_KEY_PREFIX}${legacyPrefix}`;
    const users: string[] = [];
    let cursor = '0';
    do {
      const [next, keys] = await (this.redis as Exclude<RedisClient, Cluster>).scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      users.push(...keys.map((key) => key.slice(prefix.length)));
      cursor = next;
    } while (cursor !== '0');
    return users;
  }

  private async move(family: Family, userId: string): Promise<boolean> {
    const legacy = `${LEGACY_ATTEMPT_KEYS[family]}${userId}`;
    const [[, ttlMs], [, value]] = ((await this.redis.multi().pttl(legacy).getdel(legacy).exec()) ?? []) as [unknown, number | string | null][];
    if (value === null) return false;
    const key = AttemptKeys[family](userId);
    const ttl = Number(ttlMs) > 0 ? Number(ttlMs) : undefined;
    if (family === 'lock') {
      if (ttl) await this.redis.set(key, String(value), 'PX', ttl, 'NX');
    } else if (family === 'factorLock') {
      await this.redis.set(key, String(value));
    } else {
      // Counters add up with what this version may have counted already.
      await this.redis.incrby(key, Number(value));
      if (ttl) await this.redis.pexpire(key, ttl);
    }
    return true;
  }
}
