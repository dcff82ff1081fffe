import { SessionFactor } from '../api/types';
import type { Messages } from '../i18n/en';

/**
 * "Mot de passe + code", "Clé d'accès": the factors in the order the sign-in
 * proved them, the first capitalised; null for a session that recorded none.
 */
export function factorsLabel(factors: readonly SessionFactor[], names: Messages['sessions']['factorNames']): string | null {
  if (factors.length === 0) return null;
  const label = factors.map((factor) => names[factor]).join(' + ');
  return label.charAt(0).toUpperCase() + label.slice(1);
}
