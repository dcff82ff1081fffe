import { Logger } from '@nestjs/common';
import Redis, { Cluster, RedisOptions } from 'ioredis';
import { RedisConnection } from './redis-connection';

/** One server, a Sentinel set's master, or a Cluster: the same commands on each. */
export type RedisClient = Redis | Cluster;

/** Reconnects at least every second, for ever. */
const retryStrategy = (attempt: number) => Math.min(attempt * 100, 1000);

/**
 * A Redis client whose keys all carry the deployment's prefix. Commands fail
 * after one retry rather than queueing forever, so callers can answer 503.
 */
export function createRedis(connection: RedisConnection, keyPrefix: string, connectionName: string): RedisClient {
  const options: RedisOptions = {
    keyPrefix,
    connectionName,
    maxRetriesPerRequest: 1,
    commandTimeout: 2000,
    enableAutoPipelining: true,
    retryStrategy,
  };
  const redis = clientOf(connection, options);
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

function clientOf(connection: RedisConnection, options: RedisOptions): RedisClient {
  if (connection.mode === 'server') return new Redis(connection.url, options);
  const { password } = connection;
  if (connection.mode === 'sentinel') {
    return new Redis({
      ...options,
      sentinels: connection.sentinels,
      name: connection.master,
      password,
      sentinelRetryStrategy: retryStrategy,
      // A sentinel that accepts the connection and never answers (a frozen host) is left for the next one.
      sentinelCommandTimeout: 1000,
      // A failover closes the old master's connections: killed, or demoted by the sentinels, which then drop its
      // clients. The client reconnects and asks a sentinel; a demoted master's READONLY is the second signal.
      // ioredis's failoverDetector is not used: its news arriving while the client asks a sentinel ended the
      // client for good (test/service/redis-sentinel-client.service-spec.ts).
      reconnectOnError: (error) => error.message.startsWith('READONLY'),
    });
  }
  return new Cluster(connection.nodes, {
    keyPrefix: options.keyPrefix,
    enableAutoPipelining: true,
    // Moves between masters (a failover, resharding) are followed; a slot without a master fails fast, as one server down does.
    clusterRetryStrategy: retryStrategy,
    retryDelayOnClusterDown: 100,
    retryDelayOnFailover: 100,
    redisOptions: { ...options, keyPrefix: undefined, password },
  });
}
