import { useT } from '../i18n/language';
import { Link } from '../routing/router';
import { Screen } from '../ui/Screen';

export function NotFoundScreen() {
  const t = useT();
  return (
    <Screen title={t.notFound.title}>
      <p>{t.notFound.text}</p>
      <Link className="button" to="/">
        {t.notFound.home}
      </Link>
    </Screen>
  );
}
