import { Inject, Injectable, OnApplicationShutdown, Provider } from '@nestjs/common';
import { closeRedis, createRedis, RedisClient } from './create-redis';
import { RedisEnv, redisConnectionOf } from './redis-connection';

/** The app's one Redis client. */
export const REDIS = Symbol('REDIS');

/** REDIS for an app whose validated config, with the Redis variables, is provided under `configToken`. */
export function redisProvider(configToken: symbol, connectionName: string): Provider {
  return {
    provide: REDIS,
    inject: [configToken],
    useFactory: (config: RedisEnv) => createRedis(redisConnectionOf(config), config.REDIS_KEY_PREFIX, connectionName),
  };
}

/**
 * Closes Redis at shutdown, which Nest runs after the HTTP server and the NATS
 * server have let go of their work, so that nothing still in flight loses it.
 */
@Injectable()
export class RedisCloser implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: RedisClient) {}

  onApplicationShutdown(): Promise<void> {
    return closeRedis(this.redis);
  }
}
