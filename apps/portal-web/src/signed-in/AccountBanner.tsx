import { portalApi } from '../api/portal-api';
import { useErrorText, useT } from '../i18n/language';
import { ErrorMessage } from '../ui/Alerts';
import { focusHeading } from '../ui/Screen';
import { useAction } from '../ui/use-action';
import { useMe } from './me-context';

/** The notice at the top naming the account; its X closes it until the next sign-in. */
export function AccountBanner() {
  const t = useT();
  const errorText = useErrorText();
  const { me, reload } = useMe();
  const { run, error } = useAction();
  if (!me.banner || me.banner.dismissed) return null;

  const dismiss = () =>
    run(async () => {
      await portalApi.me.dismissBanner();
      await reload();
      focusHeading();
    });

  return (
    <div className="banner">
      <p>{t.banner.text(me.banner.account.name)}</p>
      <button type="button" className="banner-close" aria-label={t.banner.close} title={t.banner.close} onClick={() => void dismiss()}>
        <span aria-hidden="true">×</span>
      </button>
      <ErrorMessage>{error ? errorText(error) : null}</ErrorMessage>
    </div>
  );
}
