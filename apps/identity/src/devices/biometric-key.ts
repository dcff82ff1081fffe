import { DomainError, ErrorCode } from '@app/contracts';
import { createPublicKey, KeyObject, verify } from 'node:crypto';

/** P-256: the only curve of the iOS Secure Enclave, and the one Android's StrongBox offers. */
const CURVE = 'prime256v1';

/**
 * The key in canonical base64 DER SPKI, re-encoded from what was parsed.
 * @throws DomainError validation_failed unless it is an EC P-256 public key in base64 DER SPKI
 */
export function parseBiometricKey(base64Der: string): string {
  const key = publicKeyOrNull(base64Der);
  if (key?.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== CURVE) {
    const message = 'The biometric key must be an EC P-256 public key (base64 DER SPKI).';
    throw new DomainError(ErrorCode.ValidationFailed, message);
  }
  return key.export({ format: 'der', type: 'spki' }).toString('base64');
}

/** Whether `signature` (base64 DER ECDSA-SHA256) signs the UTF-8 bytes of `challenge` with the stored key. */
export function signatureMatches(storedKey: string, challenge: string, signature: string): boolean {
  try {
    return verify('sha256', Buffer.from(challenge, 'utf8'), publicKeyOf(storedKey), Buffer.from(signature, 'base64'));
  } catch {
    // A malformed signature is only a wrong one.
    return false;
  }
}

function publicKeyOrNull(base64Der: string): KeyObject | null {
  try {
    return publicKeyOf(base64Der);
  } catch {
    return null;
  }
}

function publicKeyOf(base64Der: string): KeyObject {
  return createPublicKey({ key: Buffer.from(base64Der, 'base64'), format: 'der', type: 'spki' });
}
