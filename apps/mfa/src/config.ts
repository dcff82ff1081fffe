import { checkRedisMode, loadConfig, positiveInt, redisEnv, serviceEnv } from '@app/platform';
import { z } from 'zod';
import { AesKey, KeyId, Keyring, PreviousKeys, repeatedKeyId } from './secrets/encryption-keys';

export const mfaConfigSchema = serviceEnv
  .extend({
    ...redisEnv.shape,
    /** Encrypts TOTP secrets at rest (AES-256-GCM). */
    MFA_ENCRYPTION_KEY: AesKey,
    MFA_ENCRYPTION_KEY_ID: KeyId.default('k1'),
    MFA_PREVIOUS_KEYS: PreviousKeys,
    /** As the gateway's: a pending enrolment is a sign-in step, and expires with it. */
    SIGN_IN_MINUTES: positiveInt(10),
    /** The first lock after 10 wrong codes in a row; each later one lasts twice the one before, up to a day. */
    TOTP_LOCK_SECONDS: positiveInt(15 * 60),
    /** Wrong codes in a row that lock the factor until a recovery code or an admin (NIST SP 800-63B-4 §3.2.2). */
    TOTP_FAILURES_BEFORE_FACTOR_LOCK: positiveInt(100),
  })
  .superRefine(checkRedisMode)
  .transform(({ MFA_ENCRYPTION_KEY, MFA_ENCRYPTION_KEY_ID, MFA_PREVIOUS_KEYS, ...rest }, context) => {
    const keyring: Keyring = {
      current: { id: MFA_ENCRYPTION_KEY_ID, key: MFA_ENCRYPTION_KEY },
      previous: MFA_PREVIOUS_KEYS,
    };
    const repeated = repeatedKeyId(keyring);
    if (repeated) {
      context.addIssue({ code: 'custom', path: ['MFA_PREVIOUS_KEYS'], message: `key id ${repeated} is given twice` });
      return z.NEVER;
    }
    return { ...rest, keyring };
  });

export type MfaConfig = z.output<typeof mfaConfigSchema>;
export const MFA_CONFIG = Symbol('MFA_CONFIG');

export function readMfaConfig(): MfaConfig {
  return loadConfig(mfaConfigSchema, process.env);
}
