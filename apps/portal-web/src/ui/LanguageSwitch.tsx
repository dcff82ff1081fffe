import { useLanguage, useT } from '../i18n/language';
import { Language } from '../i18n/messages';

/** Named in the language it switches to, as people look for their own language's name. */
export function LanguageSwitch() {
  const t = useT();
  const { setLanguage } = useLanguage();
  const target = t.common.switchToLanguage as Language;
  return (
    <button type="button" className="link-button language-switch" lang={target} onClick={() => setLanguage(target)}>
      {t.common.switchTo}
    </button>
  );
}
