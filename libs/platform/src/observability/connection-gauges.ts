import type { MikroORM } from '@mikro-orm/postgresql';
import type Redis from 'ioredis';
import { Events, NatsConnection } from 'nats';
import { Gauge } from 'prom-client';

export interface WatchedConnections {
  /** By role, e.g. `server` (receives the service's messages) and `client` (sends requests). */
  nats?: Record<string, NatsConnection>;
  redis?: Redis;
  orm?: MikroORM;
}

/** The part of knex's pool (tarn) that tells how busy it is. */
interface ConnectionPool {
  max: number;
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
}

/** Gauges read at scrape time: is each connection up, and how busy is the Postgres pool. Once per process. */
export function watchConnections({ nats = {}, redis, orm }: WatchedConnections): void {
  const natsUp = Object.entries(nats).map(([role, connection]) => [role, trackNats(connection)] as const);
  new Gauge({
    name: 'portal_nats_connected',
    help: '1 while the NATS connection is up, 0 while it reconnects or once closed',
    labelNames: ['connection'],
    collect() {
      for (const [role, up] of natsUp) this.set({ connection: role }, up() ? 1 : 0);
    },
  });
  if (redis) {
    new Gauge({
      name: 'portal_redis_connected',
      help: '1 while the Redis connection is ready',
      collect() {
        this.set(redis.status === 'ready' ? 1 : 0);
      },
    });
  }
  if (orm) {
    new Gauge({
      name: 'portal_db_pool_connections',
      help: 'Postgres pool: connections in use, idle, queries waiting for one, and the pool maximum',
      labelNames: ['state'],
      collect() {
        const pool = (orm.em.getConnection().getKnex().client as { pool?: ConnectionPool }).pool;
        if (!pool) return;
        this.set({ state: 'used' }, pool.numUsed());
        this.set({ state: 'idle' }, pool.numFree());
        this.set({ state: 'waiting' }, pool.numPendingAcquires());
        this.set({ state: 'max' }, pool.max);
      },
    });
  }
}

/** NATS reports state changes as a stream: the gauge keeps the latest. */
function trackNats(connection: NatsConnection): () => boolean {
  let up = true;
  void (async () => {
    for await (const status of connection.status()) {
      if (status.type === Events.Disconnect) up = false;
      if (status.type === Events.Reconnect) up = true;
    }
  })();
  return () => up && !connection.isClosed();
}
