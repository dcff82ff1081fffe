import { z } from 'zod';

/**
 * What a web session or a mobile device proved when it was opened: its first
 * factor (password or Google) and any second one. Shipped values are stored
 * (sessions in Redis, devices in identity): never rename one without a
 * migration plan; new factors (passkey) are added at the end.
 */
export const ProvenFactor = z.enum(['password', 'google', 'totp', 'recovery_code', 'passkey', 'trusted_browser']);
export type ProvenFactor = z.infer<typeof ProvenFactor>;

export const ProvenFactors = z.array(ProvenFactor).max(8);

/**
 * The factors that count as the second one where a portal requires 2FA. A
 * passkey counts whether it opened the sign-in or answered its second step:
 * it is something the user has, unlocked by user verification (NIST SP
 * 800-63B-4 treats it as multi-factor), so alone it stands for two.
 */
/**
 * `trusted_browser` is not one of them: it spared the code on the portal
 * whose company allowed it, and vouches for nothing more (another portal that
 * requires 2FA asks for a sign-in there).
 */
const SECOND_FACTORS: ReadonlySet<ProvenFactor> = new Set(['totp', 'recovery_code', 'passkey']);

export function passedSecondFactor(factors: readonly ProvenFactor[]): boolean {
  return factors.some((factor) => SECOND_FACTORS.has(factor));
}

/**
 * A sign-in that a trusted browser spared the code: it entered its portal on
 * the trust alone, and proves no second factor for anything else, neither
 * another portal nor a change of the user's factors, until a code, a recovery
 * code or a passkey is given in it (POST /api/me/reauthenticate).
 */
export function sparedByTrust(factors: readonly ProvenFactor[]): boolean {
  return factors.includes('trusted_browser') && !passedSecondFactor(factors);
}

/** `factors` with `factor` added once. */
export function withFactor(factors: readonly ProvenFactor[], factor: ProvenFactor): ProvenFactor[] {
  return factors.includes(factor) ? [...factors] : [...factors, factor];
}
