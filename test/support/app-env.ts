import { infrastructure } from './infrastructure';

/** The bearer token every test stack's /metrics answers to (docs/security.md). */
export const METRICS_TOKEN = 'metrics-token-of-the-test-stacks';

/** Everything that makes one stack: where its data lives and how it is reached. */
export interface StackSettings {
  /** Names the stack's log files. */
  label: string;
  logDir: string;
  databaseUrl: string;
  redisKeyPrefix: string;
  natsSubjectPrefix: string;
  smtpUrl: string;
  gatewayPort: number;
  easyAccessHost: string;
  operatorToken: string;
  mfaEncryptionKey: string;
  logLevel: string;
  /** For stacks that need more, e.g. Google sign-in against a local OpenID Connect provider. */
  extraEnv?: Record<string, string>;
}

/** Every app gets every variable: each reads what it needs and ignores the rest. */
export function envOf(settings: StackSettings): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'test',
    // Plain log files, readable in failure messages.
    NO_COLOR: '1',
    PORT: String(settings.gatewayPort),
    DATABASE_URL: settings.databaseUrl,
    REDIS_URL: infrastructure.redisUrl,
    REDIS_KEY_PREFIX: settings.redisKeyPrefix,
    NATS_URL: infrastructure.natsUrl,
    NATS_SUBJECT_PREFIX: settings.natsSubjectPrefix,
    RPC_TIMEOUT_MS: '2000',
    EASY_ACCESS_HOST: settings.easyAccessHost,
    PORTAL_ORIGIN_TEMPLATE: `http://{host}:${settings.gatewayPort}`,
    OPERATOR_TOKEN: settings.operatorToken,
    COOKIE_SECURE: 'false',
    TRUST_PROXY: 'false',
    SMTP_URL: settings.smtpUrl,
    MAIL_FROM: 'Client portal <no-reply@portal.test>',
    MFA_ENCRYPTION_KEY: settings.mfaEncryptionKey,
    LOG_LEVEL: settings.logLevel,
    METRICS_TOKEN,
    ...settings.extraEnv,
  };
}
