import { useLanguage, useT } from '../i18n/language';
import { Language } from '../i18n/messages';

interface LanguageSwitchProps {
  /** Signed in: also tells the API, so that mails come in the chosen language. */
  onSwitch?: (language: Language) => Promise<void>;
}

/** Named in the language it switches to, as people look for their own language's name. */
export function LanguageSwitch({ onSwitch }: LanguageSwitchProps) {
  const t = useT();
  const { setLanguage } = useLanguage();
  const target = t.common.switchToLanguage as Language;
  const switchLanguage = () => {
    setLanguage(target);
    // The screens have switched already; a failed call only leaves the mails in the former language.
    onSwitch?.(target).catch(() => undefined);
  };
  return (
    <button type="button" className="link-button language-switch" lang={target} onClick={switchLanguage}>
      {t.common.switchTo}
    </button>
  );
}
