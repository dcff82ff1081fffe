import { StackSettings } from './app-env';
import { databaseUrl } from './infrastructure';
import { freePort, Isolation, randomSecret } from './run-isolation';

/** Fresh ports and secrets for a stack over an isolated database and prefixes. */
export async function settingsFor(
  isolation: Isolation,
  shared: { label: string; logDir: string; smtpUrl: string },
): Promise<StackSettings> {
  return {
    label: shared.label,
    logDir: shared.logDir,
    smtpUrl: shared.smtpUrl,
    databaseUrl: databaseUrl(isolation.database),
    redisKeyPrefix: isolation.redisKeyPrefix,
    natsSubjectPrefix: isolation.natsSubjectPrefix,
    gatewayPort: await freePort(),
    easyAccessHost: `access-${isolation.natsSubjectPrefix}.test`,
    operatorToken: randomSecret(24),
    mfaEncryptionKey: randomSecret(32),
    logLevel: process.env.PORTAL_TEST_LOG_LEVEL ?? 'info',
  };
}
