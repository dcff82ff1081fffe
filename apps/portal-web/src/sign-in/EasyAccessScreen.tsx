import { useT } from '../i18n/language';
import { Link } from '../routing/router';
import { Screen } from '../ui/Screen';

/** The easy access page: sign in on this computer, or get the mobile app. */
export function EasyAccessScreen() {
  const t = useT();
  return (
    <Screen title={t.easyAccess.title}>
      <p>{t.easyAccess.intro}</p>
      <section className="option" aria-labelledby="computer">
        <h2 id="computer">{t.easyAccess.computerTitle}</h2>
        <p>{t.easyAccess.computerText}</p>
        <Link className="button" to="/sign-in">
          {t.easyAccess.signIn}
        </Link>
      </section>
      <section className="option" aria-labelledby="phone">
        <h2 id="phone">{t.easyAccess.mobileTitle}</h2>
        <p>{t.easyAccess.mobileText}</p>
      </section>
    </Screen>
  );
}
