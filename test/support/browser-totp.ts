import { createHmac } from 'node:crypto';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const STEP_MS = 30_000;

function base32Decode(encoded: string): Buffer {
  let bits = 0;
  let value = 0;
  const bytes: number[] = [];
  for (const char of encoded.replace(/[\s=]/g, '').toUpperCase()) {
    const index = BASE32.indexOf(char);
    if (index < 0) throw new Error(`"${char}" is not base32.`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((value >>> bits) & 0xff);
    }
  }
  return Buffer.from(bytes);
}

/** RFC 6238 (over RFC 4226): HMAC-SHA1, 6 digits, 30-second steps. */
export function totpCode(secret: string, step: number): string {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const digest = createHmac('sha1', base32Decode(secret)).update(counter).digest();
  const offset = digest[digest.length - 1] & 0x0f;
  const binary = digest.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 1_000_000).padStart(6, '0');
}

/**
 * The phone's authenticator app, as a spec needs it: the server takes a code
 * once per user, so each call hands out a step not used yet (this one, the
 * next, or the previous while it is still well inside the ±1 window).
 */
export class Authenticator {
  private readonly used = new Set<number>();

  constructor(readonly secret: string) {}

  async code(): Promise<string> {
    for (;;) {
      const now = Date.now();
      const step = Math.floor(now / STEP_MS);
      const candidates = now % STEP_MS < 20_000 ? [step, step + 1, step - 1] : [step, step + 1];
      const free = candidates.find((candidate) => !this.used.has(candidate));
      if (free !== undefined) {
        this.used.add(free);
        return totpCode(this.secret, free);
      }
      await new Promise((resolve) => setTimeout(resolve, STEP_MS - (now % STEP_MS) + 50));
    }
  }

  /** A well-formed code that is not the right one now. */
  wrongCode(): string {
    const step = Math.floor(Date.now() / STEP_MS);
    const valid = new Set([step - 1, step, step + 1].map((candidate) => totpCode(this.secret, candidate)));
    for (let guess = 0; ; guess += 1) {
      const code = String(guess).padStart(6, '0');
      if (!valid.has(code)) return code;
    }
  }
}
