import Redis from 'ioredis';

/**
 * A Redis client whose keys all carry the deployment's prefix. Commands fail
 * after one retry rather than queueing forever, so callers can answer 503.
 */
export function createRedis(url: string, keyPrefix: string, connectionName: string): Redis {
  return new Redis(url, {
    keyPrefix,
    connectionName,
    maxRetriesPerRequest: 1,
    commandTimeout: 2000,
    retryStrategy: (attempt) => Math.min(attempt * 100, 1000),
  });
}
