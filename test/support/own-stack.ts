import { join } from 'node:path';
import { StackSettings } from './app-env';
import { createDatabase, dropDatabase } from './databases';
import { deleteNatsStreams } from './nats-streams';
import { deleteRedisKeys } from './redis-keys';
import { currentRun, Gateway } from './run-context';
import { isolationOf } from './run-isolation';
import { Stack } from './stack';
import { settingsFor } from './stack-settings';

export interface OwnStack {
  stack: Stack;
  gateway: Gateway;
  settings: StackSettings;
  dispose(): Promise<void>;
}

export interface OwnStackOptions {
  logLevel?: string;
  /** Variables added to every app's environment, derived from the stack's settings. */
  extraEnv?: (settings: StackSettings) => Record<string, string>;
  /** Runs once the stack's database exists, before any app connects to it. */
  beforeStart?: (settings: StackSettings) => Promise<void>;
}

/**
 * A stack of its own, for specs that kill or add processes: its own database,
 * prefixes and port, so the shared stack never notices.
 */
export async function startOwnStack(label: string, options: OwnStackOptions = {}): Promise<OwnStack> {
  const run = currentRun();
  const isolation = isolationOf(run.runId, label);
  await createDatabase(isolation.database);
  const settings: StackSettings = {
    ...(await settingsFor(isolation, { label, logDir: join(run.runDir, 'logs'), smtpUrl: run.smtpUrl })),
    ...(options.logLevel && { logLevel: options.logLevel }),
  };
  settings.extraEnv = options.extraEnv?.(settings);
  let stack: Stack | undefined;
  const dispose = async () => {
    await stack?.stopAll();
    await dropDatabase(isolation.database);
    await deleteRedisKeys(isolation.redisKeyPrefix);
    // The streams of this namespace only (`<prefix>_announcements`), not those of a label that begins with this one.
    await deleteNatsStreams(`${isolation.natsSubjectPrefix}_`);
  };
  try {
    await options.beforeStart?.(settings);
    stack = await Stack.start(settings);
  } catch (error) {
    await dispose();
    throw error;
  }
  return { stack, gateway: stack.gateway, settings, dispose };
}
