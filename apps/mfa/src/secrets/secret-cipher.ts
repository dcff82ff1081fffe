import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { EncryptionKey, Keyring } from './encryption-keys';

/** A secret as stored: AES-256-GCM output and the id of the key that sealed it. */
export interface SealedSecret {
  ciphertext: Buffer;
  iv: Buffer;
  authTag: Buffer;
  keyId: string;
}

/** The 96-bit IV GCM is designed for; random per secret, so a key may seal 2^32 secrets safely. */
const IV_BYTES = 12;

/**
 * Encrypts TOTP secrets at rest. The owner's user id is bound in as associated
 * data, so a sealed secret copied onto another user's row does not decrypt.
 */
export class SecretCipher {
  private readonly keys: Map<string, Buffer>;

  constructor(private readonly keyring: Keyring) {
    this.keys = new Map([keyring.current, ...keyring.previous].map((entry: EncryptionKey) => [entry.id, entry.key]));
  }

  seal(secret: string, ownerId: string): SealedSecret {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.keyring.current.key, iv);
    cipher.setAAD(associatedData(ownerId));
    const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return { ciphertext, iv, authTag: cipher.getAuthTag(), keyId: this.keyring.current.id };
  }

  /** @throws Error when the key id is unknown or the row was tampered with: never a user's fault. */
  open(sealed: SealedSecret, ownerId: string): string {
    const key = this.keys.get(sealed.keyId);
    if (!key) throw new Error(`No encryption key "${sealed.keyId}" is configured (MFA_PREVIOUS_KEYS).`);
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.iv);
    decipher.setAAD(associatedData(ownerId));
    decipher.setAuthTag(sealed.authTag);
    return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]).toString('utf8');
  }

  /** A secret sealed under a retired key, to seal again while it is in hand. */
  isStale(sealed: Pick<SealedSecret, 'keyId'>): boolean {
    return sealed.keyId !== this.keyring.current.id;
  }
}

function associatedData(ownerId: string): Buffer {
  return Buffer.from(`mfa.totp-secret:${ownerId}`, 'utf8');
}
