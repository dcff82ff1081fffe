import { createRedis } from '@app/common';
import { Inject, Injectable, OnApplicationShutdown, Provider } from '@nestjs/common';
import Redis from 'ioredis';
import { MFA_CONFIG, MfaConfig } from './config';

export const REDIS = Symbol('REDIS');

export const redisProvider: Provider = {
  provide: REDIS,
  inject: [MFA_CONFIG],
  useFactory: (config: MfaConfig) => createRedis(config.REDIS_URL, config.REDIS_KEY_PREFIX, 'mfa'),
};

/** Closes Redis once NATS has stopped delivering messages that need it. */
@Injectable()
export class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    // With Redis down, QUIT would wait out the retries for nothing: drop the connection at once.
    if (this.redis.status !== 'ready') return this.redis.disconnect();
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
