import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { setApiLanguage } from '../api/http';
import { errorText } from './error-text';
import { Language, messages, pickLanguage } from './messages';

const STORAGE_KEY = 'portal.language';

interface LanguageChoice {
  language: Language;
  setLanguage(language: Language): void;
}

const LanguageContext = createContext<LanguageChoice | null>(null);

function rememberedLanguage(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage refused (private mode, policy): the browser's language still applies.
    return null;
  }
}

function browserLanguages(): readonly string[] {
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(() => {
    const picked = pickLanguage(rememberedLanguage(), browserLanguages());
    // Before any screen's first call: effects of children run before this provider's.
    setApiLanguage(picked);
    return picked;
  });

  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);

  const setLanguage = useCallback((next: Language) => {
    setApiLanguage(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not remembered then; the switch still applies to this visit.
    }
    setLanguageState(next);
  }, []);

  const choice = useMemo(() => ({ language, setLanguage }), [language, setLanguage]);
  return <LanguageContext.Provider value={choice}>{children}</LanguageContext.Provider>;
}

export function useLanguage(): LanguageChoice {
  const choice = useContext(LanguageContext);
  if (!choice) throw new Error('useLanguage needs a LanguageProvider above it.');
  return choice;
}

export function useT() {
  return messages[useLanguage().language];
}

/** Turns a failed call into a sentence in the current language. */
export function useErrorText(): (error: unknown, overrides?: Record<string, string>) => string {
  const { language } = useLanguage();
  return useCallback((error: unknown, overrides?: Record<string, string>) => errorText(error, language, overrides), [language]);
}

/** Dates as people read them in the current language. */
export function useDateFormat(): (iso: string) => string {
  const { language } = useLanguage();
  return useMemo(() => {
    const format = new Intl.DateTimeFormat(language === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long', timeStyle: 'short' });
    return (iso: string) => format.format(new Date(iso));
  }, [language]);
}
