import { ConfigError, loadConfig } from '@app/platform';
import { randomBytes } from 'node:crypto';
import { mfaConfigSchema } from './config';

const key = () => randomBytes(32).toString('base64');
const baseEnv = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/mfa', SMTP_URL: 'smtp://127.0.0.1:1025' };

describe('mfaConfigSchema', () => {
  const sut = (env: NodeJS.ProcessEnv) => loadConfig(mfaConfigSchema, env);

  it('reads the current key under the default id k1', () => {
    const current = key();
    const { keyring } = sut({ ...baseEnv, MFA_ENCRYPTION_KEY: current });
    expect(keyring.current.id).toBe('k1');
    expect(keyring.current.key.equals(Buffer.from(current, 'base64'))).toBe(true);
    expect(keyring.previous).toEqual([]);
  });

  it('reads previous keys for rows sealed before a rotation', () => {
    const [k1, k2] = [key(), key()];
    const { keyring } = sut({
      ...baseEnv,
      MFA_ENCRYPTION_KEY: key(),
      MFA_ENCRYPTION_KEY_ID: 'k3',
      MFA_PREVIOUS_KEYS: `k1:${k1}, k2:${k2}`,
    });
    expect(keyring.current.id).toBe('k3');
    expect(keyring.previous.map(({ id, key }) => [id, key.toString('base64')])).toEqual([
      ['k1', k1],
      ['k2', k2],
    ]);
  });

  it('locks codes as NIST SP 800-63B-4 asks unless told otherwise, and keeps an enrolment as long as the gateway keeps a sign-in', () => {
    const config = sut({ ...baseEnv, MFA_ENCRYPTION_KEY: key() });
    expect(config).toMatchObject({ SIGN_IN_MINUTES: 10, TOTP_LOCK_SECONDS: 900, TOTP_FAILURES_BEFORE_FACTOR_LOCK: 100 });
  });

  it('refuses a lock that is no positive number of seconds', () => {
    expect(() => sut({ ...baseEnv, MFA_ENCRYPTION_KEY: key(), TOTP_LOCK_SECONDS: '0' })).toThrow(/TOTP_LOCK_SECONDS/);
  });

  it('refuses to start without a key, saying what it needs', () => {
    expect(() => sut(baseEnv)).toThrow(ConfigError);
    expect(() => sut(baseEnv)).toThrow(/MFA_ENCRYPTION_KEY: required: base64 that decodes to exactly 32 bytes/);
  });

  it.each([
    ['16 bytes', randomBytes(16).toString('base64')],
    ['33 bytes', randomBytes(33).toString('base64')],
    ['hex', randomBytes(32).toString('hex')],
    ['truncated base64', key().slice(0, 40)],
    ['base64 with stray characters', `${key().slice(0, 43)}!`],
  ])('refuses a key of %s without echoing it', (_case, value) => {
    expect(() => sut({ ...baseEnv, MFA_ENCRYPTION_KEY: value })).toThrow(
      /MFA_ENCRYPTION_KEY: must be base64 that decodes to exactly 32 bytes/,
    );
    expect(() => sut({ ...baseEnv, MFA_ENCRYPTION_KEY: value })).not.toThrow(value);
  });

  it.each([
    ['no id', `${key()}`],
    ['a short key', `k1:${randomBytes(16).toString('base64')}`],
    ['a bad id', `k 1:${key()}`],
  ])('refuses previous keys with %s', (_case, value) => {
    expect(() => sut({ ...baseEnv, MFA_ENCRYPTION_KEY: key(), MFA_PREVIOUS_KEYS: value })).toThrow(
      /MFA_PREVIOUS_KEYS: entry 1 must be id:base64/,
    );
  });

  it('refuses a key id given twice', () => {
    const env = { ...baseEnv, MFA_ENCRYPTION_KEY: key(), MFA_PREVIOUS_KEYS: `k1:${key()}` };
    expect(() => sut(env)).toThrow(/MFA_PREVIOUS_KEYS: key id k1 is given twice/);
  });
});
