import { join } from 'node:path';
import { StackSettings } from './app-env';
import { startOwnPostgres } from './outage-postgres';
import { OwnServer, startOwnNats, startOwnRedis } from './outage-servers';
import { currentRun, Gateway } from './run-context';
import { isolationOf } from './run-isolation';
import { Stack } from './stack';
import { settingsFor } from './stack-settings';

export interface OutageStack {
  stack: Stack;
  gateway: Gateway;
  redis: OwnServer;
  nats: OwnServer;
  postgres: OwnServer;
  dispose(): Promise<void>;
}

/**
 * The four apps over a Redis, a NATS and a Postgres of their own, which the
 * spec may stop: the shared servers, and every other spec, never notice.
 */
export async function startOutageStack(label: string): Promise<OutageStack> {
  const servers = await Promise.allSettled([startOwnRedis(), startOwnNats(), startOwnPostgres()]);
  const started = servers.flatMap((server) => (server.status === 'fulfilled' ? [server.value] : []));
  const disposeServers = () => Promise.all(started.map((server) => server.dispose()));
  const failed = servers.find((server): server is PromiseRejectedResult => server.status === 'rejected');
  if (failed) {
    await disposeServers();
    throw failed.reason;
  }
  const [redis, nats, postgres] = started;
  const run = currentRun();
  const settings: StackSettings = {
    ...(await settingsFor(isolationOf(run.runId, label), { label, logDir: join(run.runDir, 'logs'), smtpUrl: run.smtpUrl })),
    databaseUrl: postgres.url,
    extraEnv: { REDIS_URL: redis.url, NATS_URL: nats.url },
  };
  let stack: Stack | undefined;
  const dispose = async () => {
    await stack?.stopAll();
    await disposeServers();
  };
  try {
    stack = await Stack.start(settings);
  } catch (error) {
    await dispose();
    throw error;
  }
  return { stack, gateway: stack.gateway, redis, nats, postgres, dispose };
}
