import { z } from 'zod';

/** `host:port,host:port`: seed nodes of a Cluster, or the sentinels of a Sentinel set. */
const HostPorts = z
  .string()
  .regex(/^[^\s,:]+:\d{1,5}(,[^\s,:]+:\d{1,5})*$/, 'must be host:port[,host:port…]')
  .transform((list) =>
    list.split(',').map((entry) => {
      const [host, port] = entry.split(':');
      return { host, port: Number(port) };
    }),
  );

/**
 * Which Redis an app speaks to: one server (`REDIS_URL`), a Cluster
 * (`REDIS_CLUSTER_NODES`) or a Sentinel set (`REDIS_SENTINELS` with
 * `REDIS_SENTINEL_MASTER`). The key prefix holds no `{` or `}`: every key
 * that a script or transaction shares with others carries its own hash tag.
 */
export const redisEnv = z.object({
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a URL starting with redis:// or rediss://')
    .default('redis://127.0.0.1:6379'),
  REDIS_CLUSTER_NODES: HostPorts.optional(),
  REDIS_SENTINELS: HostPorts.optional(),
  REDIS_SENTINEL_MASTER: z.string().min(1).optional(),
  /** Of the Cluster's nodes, or of the Sentinel set's master and replicas; a single server takes it in its URL. */
  REDIS_PASSWORD: z.string().min(1).optional(),
  REDIS_KEY_PREFIX: z
    .string()
    .regex(/^[^{}]*$/, 'must hold no { or }: they would become the hash tag of every key')
    .default('portal:'),
});

export type RedisEnv = z.output<typeof redisEnv>;

export type RedisConnection =
  | { mode: 'server'; url: string }
  | { mode: 'cluster'; nodes: { host: string; port: number }[]; password?: string }
  | { mode: 'sentinel'; sentinels: { host: string; port: number }[]; master: string; password?: string };

/** For an app schema's superRefine: the Redis variables that contradict each other, each named. */
export function checkRedisMode(env: RedisEnv, context: z.RefinementCtx): void {
  if (env.REDIS_CLUSTER_NODES && env.REDIS_SENTINELS) {
    context.addIssue({ code: 'custom', path: ['REDIS_SENTINELS'], message: 'set REDIS_CLUSTER_NODES or REDIS_SENTINELS, not both' });
  }
  if (env.REDIS_SENTINELS && !env.REDIS_SENTINEL_MASTER) {
    context.addIssue({ code: 'custom', path: ['REDIS_SENTINEL_MASTER'], message: 'required with REDIS_SENTINELS: the name of the master the sentinels watch' });
  }
}

/** The connection a config checked by checkRedisMode selects. */
export function redisConnectionOf(env: RedisEnv): RedisConnection {
  const { REDIS_CLUSTER_NODES: nodes, REDIS_SENTINELS: sentinels, REDIS_SENTINEL_MASTER: master, REDIS_PASSWORD: password } = env;
  if (nodes) return { mode: 'cluster', nodes, password };
  if (sentinels) return { mode: 'sentinel', sentinels, master: master ?? 'mymaster', password };
  return { mode: 'server', url: env.REDIS_URL };
}
