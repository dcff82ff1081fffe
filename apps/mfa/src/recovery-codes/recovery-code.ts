import { createHash, randomInt } from 'node:crypto';

/**
 * Crockford's base32: no i, l, o or u, and typed look-alikes are read back as
 * the digits they resemble, so a code copied from paper still works.
 */
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const HALF_LENGTH = 5;
const LOOK_ALIKES: Record<string, string> = { o: '0', i: '1', l: '1' };

/** 10 characters of 32: 50 random bits, too many to guess under the attempt limits. */
export function newRecoveryCode(): string {
  const half = () => Array.from({ length: HALF_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `${half()}-${half()}`;
}

/** Forgives case, spaces, hyphens and look-alikes. @returns null for what cannot be a recovery code. */
export function normaliseRecoveryCode(typed: string): string | null {
  const compact = [...typed.toLowerCase().replace(/[\s-]/g, '')].map((char) => LOOK_ALIKES[char] ?? char).join('');
  const valid = compact.length === 2 * HALF_LENGTH && [...compact].every((char) => ALPHABET.includes(char));
  return valid ? compact : null;
}

/**
 * A plain SHA-256 is enough for 50 random bits. The user id is hashed in so
 * that equal codes of two users cannot collide on the unique hash.
 */
export function recoveryCodeHash(userId: string, normalisedCode: string): string {
  return createHash('sha256').update(`${userId}:${normalisedCode}`).digest('hex');
}
