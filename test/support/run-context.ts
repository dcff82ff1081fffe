import { readFileSync } from 'node:fs';

/** The environment variable through which global setup hands the run to the specs. */
export const RUN_FILE_VARIABLE = 'PORTAL_TEST_RUN';

/** What a gateway-facing spec needs to reach one running stack. */
export interface Gateway {
  port: number;
  easyAccessHost: string;
  operatorToken: string;
}

/** One test run: its isolated database, prefixes, shared stack and mail sink. */
export interface Run {
  runId: string;
  runDir: string;
  mailDir: string;
  gateway: Gateway;
  databaseUrl: string;
  redisKeyPrefix: string;
  natsSubjectPrefix: string;
  smtpUrl: string;
}

let cached: Run | undefined;

export function currentRun(): Run {
  if (cached) return cached;
  const file = process.env[RUN_FILE_VARIABLE];
  if (!file) throw new Error(`${RUN_FILE_VARIABLE} is not set: run the e2e specs through jest's e2e project.`);
  cached = JSON.parse(readFileSync(file, 'utf8')) as Run;
  return cached;
}

export function sharedGateway(): Gateway {
  return currentRun().gateway;
}
