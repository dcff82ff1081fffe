import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** 256 bits: too many to guess, so a verifier keyed by the secret cannot be brute-forced for its PIN. */
const SECRET_BYTES = 32;

/** What the server keeps: neither gives back the secret nor, without it, the PIN. */
export interface DeviceVerifiers {
  secretHash: string;
  pinVerifier: string;
}

export interface DeviceSecrets extends DeviceVerifiers {
  /** Handed to the app once; never stored. */
  deviceSecret: string;
}

export function newDeviceSecrets(pin: string): DeviceSecrets {
  const deviceSecret = randomBytes(SECRET_BYTES).toString('base64url');
  return { deviceSecret, secretHash: secretHashOf(deviceSecret), pinVerifier: pinVerifierOf(deviceSecret, pin) };
}

export function secretHashOf(deviceSecret: string): string {
  return createHash('sha256').update(deviceSecret).digest('hex');
}

/**
 * HMAC-SHA256 of the PIN keyed by the device secret: 10,000 PINs are easy to try
 * against a plain hash, but not without the secret, which only the device holds.
 */
export function pinVerifierOf(deviceSecret: string, pin: string): string {
  return createHmac('sha256', deviceSecret).update(pin).digest('hex');
}

export function pinMatches(deviceSecret: string, pin: string, pinVerifier: string): boolean {
  return sameDigest(pinVerifierOf(deviceSecret, pin), pinVerifier);
}

/** Constant time, so that response times do not tell how many leading bytes were right. */
function sameDigest(computedHex: string, storedHex: string): boolean {
  const computed = Buffer.from(computedHex, 'hex');
  const stored = Buffer.from(storedHex, 'hex');
  return computed.length === stored.length && timingSafeEqual(computed, stored);
}
