import { authenticator } from 'otplib';

/** RFC 6238 as every authenticator app speaks it: HMAC-SHA-1, 6 digits, 30-second steps. */
const STEP_SECONDS = 30;
/** One step each way forgives a phone clock up to 30 s off, or a code typed as it rolls over. */
const DRIFT_STEPS = 1;
/** RFC 4226 §4 recommends 160 bits, the size of the HMAC-SHA-1 key. */
const SECRET_BYTES = 20;

const rfc6238 = authenticator.clone({ step: STEP_SECONDS, digits: 6, window: DRIFT_STEPS });

/** @returns a fresh base32 secret. */
export function newTotpSecret(): string {
  return rfc6238.generateSecret(SECRET_BYTES);
}

/** The otpauth:// URI an authenticator app reads from the QR code. */
export function totpKeyUri(secret: string, label: string, issuer: string): string {
  return rfc6238.keyuri(label, issuer, secret);
}

/**
 * The time step a code was made for, within the drift allowed, so that the
 * caller can accept each step once (RFC 6238 §5.2).
 * @returns null when the code matches no allowed step.
 */
export function matchedTimeStep(code: string, secret: string, atMs: number): number | null {
  const delta = rfc6238.clone({ epoch: atMs }).checkDelta(code, secret);
  return delta === null ? null : timeStepAt(atMs) + delta;
}

export function timeStepAt(atMs: number): number {
  return Math.floor(atMs / 1000 / STEP_SECONDS);
}
