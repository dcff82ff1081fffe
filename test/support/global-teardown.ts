import { rmSync } from 'node:fs';
import { dropDatabases } from './databases';
import { deleteNatsStreams } from './nats-streams';
import { deleteRedisKeys } from './redis-keys';
import { isolationOf } from './run-isolation';
import { takeRunningRun } from './shared-run';

/** Stops the shared stack and removes every trace of the run; PORTAL_TEST_KEEP_LOGS=1 keeps the logs and mails. */
export default async function globalTeardown(): Promise<void> {
  const running = takeRunningRun();
  if (!running) return;
  const { run, sink, stack } = running;
  await stack.stopAll();
  await sink.stop();
  const isolation = isolationOf(run.runId);
  // The prefixes also match the databases, keys and streams of the specs' own stacks.
  await dropDatabases(isolation.database);
  await deleteRedisKeys(isolation.redisKeyPrefix);
  await deleteNatsStreams(isolation.natsSubjectPrefix);
  if (process.env.PORTAL_TEST_KEEP_LOGS === '1') process.stderr.write(`e2e run ${run.runId}: logs kept in ${run.runDir}\n`);
  else rmSync(run.runDir, { recursive: true, force: true });
}
