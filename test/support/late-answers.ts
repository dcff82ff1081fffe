import { setTimeout as sleep } from 'node:timers/promises';
import { PortalResponse } from './portal-client';

/**
 * Stops a process (SIGSTOP) for `ms`, longer than callers wait for it, and
 * resumes it: what it was asked meanwhile it does after the callers gave up.
 * @returns once the process runs again.
 */
export function pauseFor(pid: number, ms: number): Promise<void> {
  process.kill(pid, 'SIGSTOP');
  return sleep(ms).then(() => void process.kill(pid, 'SIGCONT'));
}

/** Polls until the answer has the status, or the time is up; returns the last answer. */
export async function eventually(ask: () => Promise<PortalResponse>, status: number, timeoutMs = 5000): Promise<PortalResponse> {
  const deadline = Date.now() + timeoutMs;
  let answer = await ask();
  while (answer.status !== status && Date.now() < deadline) {
    await sleep(100);
    answer = await ask();
  }
  return answer;
}

/** Polls until `done` holds, or the time is up; returns whether it held. */
export async function waitUntil(done: () => Promise<boolean>, timeoutMs = 5000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) return false;
    await sleep(100);
  }
  return true;
}
