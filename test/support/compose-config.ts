import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

export interface ComposeService {
  image?: string;
  command?: string[] | string;
  ports?: unknown[];
  healthcheck?: { test?: string[] | string; disable?: boolean };
  environment?: Record<string, string | null>;
}

const ROOT = resolve(__dirname, '../..');

/**
 * docker-compose.yml as Compose itself resolves it (anchors, merges,
 * variables). Its YAML goes through the PyYAML that docker-compose 1.29 runs
 * on, since the project has no YAML parser of its own.
 */
export function composeServices(): Record<string, ComposeService> {
  const yaml = execFileSync('docker-compose', ['config'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const json = execFileSync('python3', ['-c', 'import json, sys, yaml; json.dump(yaml.safe_load(sys.stdin), sys.stdout)'], {
    input: yaml,
    encoding: 'utf8',
  });
  return (JSON.parse(json) as { services: Record<string, ComposeService> }).services;
}
