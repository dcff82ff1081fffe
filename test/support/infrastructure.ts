/**
 * The real Postgres, Redis and NATS the stacks run against. Local defaults;
 * CI or a developer may point elsewhere with the TEST_* variables.
 */
export const infrastructure = {
  postgresAdminUrl: process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  redisUrl: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
  natsUrl: process.env.TEST_NATS_URL ?? 'nats://127.0.0.1:4222',
};

/** The same server as the admin URL, another database. */
export function databaseUrl(database: string): string {
  const url = new URL(infrastructure.postgresAdminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
