import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

export interface ComposeService {
  image?: string;
  command?: string[] | string;
  ports?: unknown[];
  healthcheck?: { test?: string[] | string; disable?: boolean };
  environment?: Record<string, string | number | null>;
}

const ROOT = resolve(__dirname, '../..');

/**
 * docker-compose.yml as Compose itself resolves it (anchors, merges,
 * variables), which is also the validity check: `docker-compose config` fails
 * on a file Compose would refuse. Neither the developer's own `.env` nor their
 * shell's variables count, only the `.env` given here: by default the file
 * reads as on a fresh clone.
 */
export function composeServices(dotEnv: Record<string, string> = {}): Record<string, ComposeService> {
  const dir = mkdtempSync(join(tmpdir(), 'portal-compose-'));
  try {
    const envFile = join(dir, '.env');
    writeFileSync(envFile, Object.entries(dotEnv).map(([name, value]) => `${name}=${value}\n`).join(''));
    const resolved = execFileSync('docker-compose', ['--env-file', envFile, 'config'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return (parse(resolved) as { services: Record<string, ComposeService> }).services;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
