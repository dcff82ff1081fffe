import { Logger } from '@nestjs/common';
import Redis from 'ioredis';

/**
 * A Redis client whose keys all carry the deployment's prefix. Commands fail
 * after one retry rather than queueing forever, so callers can answer 503.
 */
export function createRedis(url: string, keyPrefix: string, connectionName: string): Redis {
  const redis = new Redis(url, {
    keyPrefix,
    connectionName,
    maxRetriesPerRequest: 1,
    commandTimeout: 2000,
    enableAutoPipelining: true,
    retryStrategy: (attempt) => Math.min(attempt * 100, 1000),
  });
  const logger = new Logger(`redis:${connectionName}`);
  let down = false;
  // One line when the connection drops and one when it is back, rather than one per retry.
  redis.on('error', (error: Error) => {
    if (!down) logger.warn(`Redis connection lost: ${error.message}`);
    down = true;
  });
  redis.on('ready', () => {
    if (down) logger.log('Redis connection restored');
    down = false;
  });
  return redis;
}
