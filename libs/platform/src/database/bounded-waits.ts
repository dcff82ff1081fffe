/**
 * A Postgres that stops answering without closing its connections (a failover,
 * a host gone) must not hold a handler longer than its caller waits
 * (RPC_TIMEOUT_MS: 3 s, 2 s in the tests): connecting, waiting for a pooled
 * connection and each statement are bounded well below it, so that the caller
 * gets an answer (503 `unavailable`) rather than a timeout it would retry.
 * Spread into each service's MikroORM config.
 */
export const BOUNDED_POSTGRES_WAITS = {
  pool: { min: 0, max: 10, acquireTimeoutMillis: 1000 },
  driverOptions: {
    connection: {
      connectionTimeoutMillis: 1000,
      // Postgres cancels a statement that runs this long (a lock held, a slow plan)...
      statement_timeout: 1000,
      // ...and the client gives up on a server that no longer answers at all.
      query_timeout: 1500,
      keepAlive: true,
    },
    // A connection whose query the client gave up on still waits for that server: dropped, not reused.
    pool: { validate: (connection: { readyForQuery?: boolean }) => connection.readyForQuery === true },
  },
};
