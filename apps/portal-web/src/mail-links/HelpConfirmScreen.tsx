import { useState } from 'react';
import { portalApi } from '../api/portal-api';
import { useErrorText, useT } from '../i18n/language';
import { Link } from '../routing/router';
import { ErrorMessage, Notice } from '../ui/Alerts';
import { Screen } from '../ui/Screen';
import { useAction } from '../ui/use-action';

/**
 * `/help-request/:token`, from the mail that follows "no access to the app".
 * Nothing happens on opening the page (mail scanners open links): the user's
 * click sends the request on to the company's admins.
 */
export function HelpConfirmScreen({ token }: { token: string }) {
  const t = useT();
  const errorText = useErrorText();
  const [firm, setFirm] = useState<string | null>(null);
  const { run, pending, error } = useAction();

  const confirm = () =>
    run(async () => {
      setFirm((await portalApi.mailLinks.confirmHelp(token)).companyName);
    });

  return (
    <Screen title={t.helpConfirm.title}>
      {firm ? (
        <>
          <Notice>{t.helpConfirm.done(firm)}</Notice>
          <p className="links">
            <Link to="/sign-in">{t.common.backToSignIn}</Link>
          </p>
        </>
      ) : (
        <>
          <p>{t.helpConfirm.intro}</p>
          <ErrorMessage>{error ? errorText(error) : null}</ErrorMessage>
          <button type="button" className="button" disabled={pending} onClick={() => void confirm()}>
            {t.helpConfirm.submit}
          </button>
        </>
      )}
    </Screen>
  );
}
