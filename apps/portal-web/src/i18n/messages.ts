import { en, Messages } from './en';
import { fr } from './fr';

export type Language = 'fr' | 'en';

export const messages: Record<Language, Messages> = { fr, en };

/**
 * The language remembered from the switch, else the browser's first French or
 * English preference, else French: the portal's users speak French first.
 */
export function pickLanguage(remembered: string | null, preferred: readonly string[]): Language {
  if (remembered === 'fr' || remembered === 'en') return remembered;
  for (const tag of preferred) {
    const primary = tag.toLowerCase().split('-')[0];
    if (primary === 'fr' || primary === 'en') return primary;
  }
  return 'fr';
}
