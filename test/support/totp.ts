import { createHmac, randomInt } from 'node:crypto';

/**
 * RFC 6238 codes written here over node:crypto, as an authenticator app would
 * compute them: the specs must not lean on the library the mfa service uses,
 * or a shared mistake would pass unnoticed.
 */
export const STEP_SECONDS = 30;

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32, padding and case forgiven, as apps read the `secret` of an otpauth URI. */
export function base32Decode(text: string): Buffer {
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of text.toUpperCase().replace(/=+$/, '')) {
    const index = BASE32.indexOf(char);
    if (index < 0) throw new Error(`"${char}" is not a base32 character.`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((value >>> bits) & 0xff);
    }
  }
  return Buffer.from(bytes);
}

/** RFC 4226: HMAC over the 8-byte big-endian counter, dynamically truncated. */
export function hotp(key: Buffer, counter: number, digits = 6, algorithm: 'sha1' | 'sha256' | 'sha512' = 'sha1'): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac(algorithm, key).update(message).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

export function timeStepAt(atMs: number): number {
  return Math.floor(atMs / 1000 / STEP_SECONDS);
}

/** The code of a time step, for a base32 secret as the setup answers it. */
export function codeForStep(secret: string, step: number, digits = 6): string {
  return hotp(base32Decode(secret), step, digits);
}

/** The code at a Unix time in seconds (the RFC's `T`). */
export function codeAtTime(key: Buffer, unixSeconds: number, digits = 6): string {
  return hotp(key, Math.floor(unixSeconds / STEP_SECONDS), digits);
}

/** Six digits that are none of the codes the server could accept around `atMs`, even with its clock a step off. */
export function wrongCode(secret: string, atMs = Date.now()): string {
  const step = timeStepAt(atMs);
  const near = new Set([-2, -1, 0, 1, 2].map((offset) => codeForStep(secret, step + offset)));
  for (;;) {
    const code = String(randomInt(1_000_000)).padStart(6, '0');
    if (!near.has(code)) return code;
  }
}

const msLeftInStep = (atMs: number) => STEP_SECONDS * 1000 - (atMs % (STEP_SECONDS * 1000));

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * The current time step, with at least `marginMs` of it left: a code computed
 * now must still be read by the server in the step it was made for, or "one
 * step off" would quietly become "two steps off".
 */
export async function currentStepWithMargin(marginMs = 3000): Promise<number> {
  const left = msLeftInStep(Date.now());
  if (left < marginMs) await sleep(left + 50);
  return timeStepAt(Date.now());
}

/** Waits until the clock is in `step` or later, with the margin left in that step. */
export async function stepAtLeast(step: number, marginMs = 3000): Promise<number> {
  const now = Date.now();
  const startOfStep = step * STEP_SECONDS * 1000;
  if (now < startOfStep) await sleep(startOfStep - now + 50);
  return currentStepWithMargin(marginMs);
}
