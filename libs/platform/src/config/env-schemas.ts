import { z } from 'zod';

const url = (protocols: string[]) =>
  z.string().refine((value) => {
    try {
      return protocols.includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, `must be a URL starting with ${protocols.join(' or ')}//`);

export const booleanFlag = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0'])
    .default(fallback ? 'true' : 'false')
    .transform((value) => value === 'true' || value === '1');

export const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** One server, or a comma-separated list of a cluster's: the client picks one and moves to another when it goes. */
const natsServers = z.string().refine(
  (value) => value.split(',').every((server) => url(['nats:', 'tls:']).safeParse(server.trim()).success),
  'must be a URL starting with nats:// or tls://, or a comma-separated list of them',
);

export const natsEnv = z.object({
  NATS_URL: natsServers.default('nats://127.0.0.1:4222'),
  /** Copies of the announcements stream on a JetStream cluster: 3 survives one server lost. Only ever raised. */
  ANNOUNCEMENTS_REPLICAS: z.coerce.number().int().min(1).max(5).default(1),
  /** Isolates deployments, and test runs, sharing one NATS server. */
  NATS_SUBJECT_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]*$/, 'letters, digits, _ and - only')
    .default(''),
  RPC_TIMEOUT_MS: positiveInt(3000),
});

export const databaseEnv = z.object({
  DATABASE_URL: url(['postgres:', 'postgresql:']),
});

export const mailEnv = z.object({
  SMTP_URL: url(['smtp:', 'smtps:']),
  MAIL_FROM: z.string().min(3).default('Client portal <no-reply@portal.localhost>'),
});

export const logEnv = z.object({
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'verbose']).default('info'),
});
