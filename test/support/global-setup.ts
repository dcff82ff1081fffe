import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDatabase, dropDatabases } from './databases';
import { Run, RUN_FILE_VARIABLE } from './run-context';
import { isolationOf, makeRunDir, newRunId } from './run-isolation';
import { keepRunningRun } from './shared-run';
import { SmtpSink } from './smtp-sink';
import { Stack } from './stack';
import { settingsFor } from './stack-settings';

/**
 * Starts what every spec shares: an SMTP sink, an isolated database and the
 * four apps. Specs find them through the run file named in PORTAL_TEST_RUN,
 * which Jest's workers inherit.
 */
export default async function globalSetup(): Promise<void> {
  const runId = newRunId();
  const { runDir, mailDir, logDir } = makeRunDir(runId);
  const isolation = isolationOf(runId);
  const sink = await SmtpSink.start(mailDir);
  let stack: Stack | undefined;
  try {
    await createDatabase(isolation.database);
    const settings = await settingsFor(isolation, { label: 'shared', logDir, smtpUrl: sink.url });
    stack = await Stack.start(settings);
    const run: Run = {
      runId,
      runDir,
      mailDir,
      gateway: stack.gateway,
      databaseUrl: settings.databaseUrl,
      redisKeyPrefix: isolation.redisKeyPrefix,
      natsSubjectPrefix: isolation.natsSubjectPrefix,
      smtpUrl: sink.url,
    };
    const runFile = join(runDir, 'run.json');
    writeFileSync(runFile, JSON.stringify(run, null, 2));
    process.env[RUN_FILE_VARIABLE] = runFile;
    keepRunningRun({ run, sink, stack });
    process.stderr.write(`\ne2e run ${runId}: logs in ${logDir}\n`);
  } catch (error) {
    await stack?.stopAll();
    await sink.stop();
    await dropDatabases(isolation.database);
    throw error;
  }
}
