import { INestApplicationContext, Logger } from '@nestjs/common';
import { IncomingMessage, Server, ServerResponse } from 'node:http';

const SIGNALS: NodeJS.Signals[] = ['SIGTERM', 'SIGINT'];

/**
 * Past this, a stopping process exits anyway. Under the 10 s that
 * orchestrators (Kubernetes, compose) and the test harness wait before SIGKILL.
 */
export const SHUTDOWN_DEADLINE_MS = 8000;

/** How often a stopping gateway closes the keep-alive connections that went idle. */
const IDLE_SWEEP_MS = 100;

/**
 * On SIGTERM or SIGINT, runs Nest's shutdown in its order: stop taking work
 * (HTTP server and NATS subscriptions), finish what is held, then close NATS,
 * Redis and Postgres in the shutdown hooks; exits 0. Exits 1 if that takes
 * longer than SHUTDOWN_DEADLINE_MS. Nest alone would re-raise the signal, so
 * the process would end "killed by SIGTERM" rather than with a clean 0.
 */
export function stopGracefullyOnSignals(app: INestApplicationContext, name: string, httpServer?: Server): void {
  const logger = new Logger('shutdown');
  let stopping = false;
  app.enableShutdownHooks(SIGNALS, { useProcessExit: true });
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const started = Date.now();
    logger.log(`${name} stopping on ${signal}`);
    if (httpServer) letKeepAliveConnectionsGo(httpServer);
    setTimeout(() => {
      logger.error(`${name} did not stop within ${SHUTDOWN_DEADLINE_MS} ms: exiting anyway`);
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    process.once('exit', (code) => logger.log(`${name} stopped in ${Date.now() - started} ms with exit code ${code}`));
  };
  SIGNALS.forEach((signal) => process.on(signal, onSignal));
}

/**
 * `server.close()` waits for every open connection, and a keep-alive one stays
 * open for `keepAliveTimeout` after its last answer. Requests in progress still
 * get their answer, with `Connection: close`; idle connections are closed.
 */
function letKeepAliveConnectionsGo(server: Server): void {
  server.on('request', (_request: IncomingMessage, response: ServerResponse) => {
    if (!response.headersSent) response.setHeader('Connection', 'close');
  });
  const sweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS).unref();
  server.once('close', () => clearInterval(sweep));
}
