import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Short, lower-case and alphanumeric: it goes into database names, key and subject prefixes. */
export function newRunId(): string {
  return randomBytes(4).toString('hex');
}

/** What keeps one stack's data apart from every other run and stack sharing the servers. */
export interface Isolation {
  database: string;
  redisKeyPrefix: string;
  natsSubjectPrefix: string;
}

export function isolationOf(runId: string, stackLabel?: string): Isolation {
  const suffix = stackLabel ? `_${stackLabel}` : '';
  return {
    database: `portal_test_${runId}${suffix}`,
    redisKeyPrefix: `test:${runId}:${stackLabel ? `${stackLabel}:` : ''}`,
    natsSubjectPrefix: `t${runId}${stackLabel ? `-${stackLabel}` : ''}`,
  };
}

/** Ports this process handed out: released at once, one could be found again before its server binds it (a cluster's nodes then collide). */
const handedOut = new Set<number>();

function probePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** A port free right now, never one this process handed out before. Another process could take it before we bind: rare enough on a test machine. */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = await probePort();
    if (!handedOut.has(port)) {
      handedOut.add(port);
      return port;
    }
  }
}

export function makeRunDir(runId: string): { runDir: string; mailDir: string; logDir: string } {
  const runDir = mkdtempSync(join(tmpdir(), `portal-test-${runId}-`));
  const mailDir = join(runDir, 'mail');
  const logDir = join(runDir, 'logs');
  mkdirSync(mailDir);
  mkdirSync(logDir);
  return { runDir, mailDir, logDir };
}

export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64');
}
