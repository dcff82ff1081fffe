import { join } from 'node:path';
import { createDatabase, dropDatabases } from './databases';
import { deleteRedisKeys } from './redis-keys';
import { currentRun, Gateway } from './run-context';
import { isolationOf } from './run-isolation';
import { Stack } from './stack';
import { settingsFor } from './stack-settings';

export interface OwnStack {
  stack: Stack;
  gateway: Gateway;
  dispose(): Promise<void>;
}

/**
 * A stack of its own, for specs that kill or add processes: its own database,
 * prefixes and port, so the shared stack never notices.
 */
export async function startOwnStack(label: string): Promise<OwnStack> {
  const run = currentRun();
  const isolation = isolationOf(run.runId, label);
  await createDatabase(isolation.database);
  const settings = await settingsFor(isolation, { label, logDir: join(run.runDir, 'logs'), smtpUrl: run.smtpUrl });
  let stack: Stack | undefined;
  const dispose = async () => {
    await stack?.stopAll();
    await dropDatabases(isolation.database);
    await deleteRedisKeys(isolation.redisKeyPrefix);
  };
  try {
    stack = await Stack.start(settings);
  } catch (error) {
    await dispose();
    throw error;
  }
  return { stack, gateway: stack.gateway, dispose };
}
