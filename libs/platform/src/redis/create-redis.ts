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
  // ioredis gives up for good when a connection attempt throws, which its Sentinel connector does when the
  // failover news arrives while it asks a sentinel for the master (test/service/redis-sentinel-client.service-spec.ts):
  // the app would answer 503 until restarted. Only closeRedis ends a client.
  redis.on('end', () => {
    setTimeout(() => {
      if (!closing.has(redis) && redis.status === 'end') redis.connect().catch(() => undefined);
    }, retryStrategy(1));
  });
  // A failover detector set up while the client is being closed would keep its connections to the sentinels.
  redis.on('failoverSubscribed', () => {
    if (closing.has(redis)) redis.disconnect();
  });
  return redis;
}

const closing = new WeakSet<RedisClient>();

/** Closes a client of createRedis for good, letting what is in flight finish when Redis is there. */
export async function closeRedis(redis: RedisClient): Promise<void> {
  closing.add(redis);
  // With Redis down, QUIT would wait out the retries for nothing: drop the connection at once.
  const quit = redis.status === 'ready' && (await redis.quit().then(() => true, () => false));
  // After QUIT too, but for a Cluster (which QUIT closed): it leaves a Sentinel client's failover detector
  // connected to the sentinels.
  if (!(quit && redis.isCluster)) redis.disconnect();
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
      // A sentinel that does not answer (a frozen process, a lost network) is left after a second for the next one.
      sentinelCommandTimeout: 1000,
      // Told of a failover by the sentinels, and by a demoted master's READONLY: either way, reconnect to the master
      // they name. Without the news, a living old master would take writes for seconds more, then lose them.
      failoverDetector: true,
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
