import { Run } from './run-context';
import { SmtpSink } from './smtp-sink';
import { Stack } from './stack';

export interface RunningRun {
  run: Run;
  sink: SmtpSink;
  stack: Stack;
}

/** Jest runs global setup and teardown in one process and lets them share only globals. */
const holder = globalThis as typeof globalThis & { __portalTestRun?: RunningRun };

export function keepRunningRun(running: RunningRun): void {
  holder.__portalTestRun = running;
}

export function takeRunningRun(): RunningRun | undefined {
  const running = holder.__portalTestRun;
  delete holder.__portalTestRun;
  return running;
}
