import { z } from 'zod';

/** An AES-256 key and the id stored beside every secret it encrypts, so that keys can rotate. */
export interface EncryptionKey {
  id: string;
  key: Buffer;
}

export interface Keyring {
  /** Encrypts every new secret. */
  current: EncryptionKey;
  /** Still decrypt rows written before a rotation. */
  previous: EncryptionKey[];
}

const KEY_BYTES = 32;
const KEY_HINT = `base64 that decodes to exactly ${KEY_BYTES} bytes (openssl rand -base64 ${KEY_BYTES})`;

export const KeyId = z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, 'letters, digits, _ and - only, 1 to 32 of them');

/** Canonical base64 only, so that a truncated or mistyped key is refused rather than silently shortened. */
function decodeKey(value: string): Buffer | null {
  const key = Buffer.from(value, 'base64');
  return key.length === KEY_BYTES && key.toString('base64') === value ? key : null;
}

export const AesKey = z
  .string({ error: (issue) => (issue.input === undefined ? `required: ${KEY_HINT}` : 'must be a string') })
  .trim()
  .transform((value, context) => {
    const key = decodeKey(value);
    if (key) return key;
    context.addIssue({ code: 'custom', message: `must be ${KEY_HINT}` });
    return z.NEVER;
  });

/** `id:base64,id:base64`: keys retired from encrypting that still decrypt older rows. */
export const PreviousKeys = z
  .string()
  .trim()
  .default('')
  .transform((value, context) => {
    const entries = value === '' ? [] : value.split(',');
    const keys: EncryptionKey[] = [];
    entries.forEach((entry, index) => {
      const separator = entry.indexOf(':');
      const id = entry.slice(0, separator).trim();
      const key = separator > 0 ? decodeKey(entry.slice(separator + 1).trim()) : null;
      if (key && KeyId.safeParse(id).success) keys.push({ id, key });
      else context.addIssue({ code: 'custom', message: `entry ${index + 1} must be id:${KEY_HINT}` });
    });
    return keys;
  });

/** @returns the first key id that is given twice, if any. */
export function repeatedKeyId(keyring: Keyring): string | undefined {
  const ids = [keyring.current.id, ...keyring.previous.map((key) => key.id)];
  return ids.find((id, index) => ids.indexOf(id) !== index);
}
