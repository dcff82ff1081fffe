import { createRedis } from '@app/common';
import { Inject, Injectable, OnApplicationShutdown, Provider } from '@nestjs/common';
import Redis from 'ioredis';
import { GATEWAY_CONFIG, GatewayConfig } from './config';

export const REDIS = Symbol('REDIS');

export const redisProvider: Provider = {
  provide: REDIS,
  inject: [GATEWAY_CONFIG],
  useFactory: (config: GatewayConfig) => createRedis(config.REDIS_URL, config.REDIS_KEY_PREFIX, 'gateway'),
};

/** Closes Redis last, after the HTTP server and NATS have let go of their work. */
@Injectable()
export class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    // With Redis down, QUIT would wait out the retries for nothing: drop the connection at once.
    if (this.redis.status !== 'ready') return this.redis.disconnect();
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
