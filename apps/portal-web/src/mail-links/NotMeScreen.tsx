import { useState } from 'react';
import { portalApi } from '../api/portal-api';
import { useErrorText, useT } from '../i18n/language';
import { ErrorMessage, Notice } from '../ui/Alerts';
import { useAction } from '../ui/use-action';
import { MailedLinkScreen } from './MailedLinkScreen';

/**
 * `/not-me/:token`, from a security alert. Nothing happens on opening the
 * page (mail scanners open links): the user's click does it.
 */
export function NotMeScreen({ token }: { token: string }) {
  const t = useT();
  const errorText = useErrorText();
  const [done, setDone] = useState(false);
  const { run, pending, error } = useAction();

  const report = () =>
    run(async () => {
      await portalApi.mailLinks.notMe(token);
      setDone(true);
    });

  return (
    <MailedLinkScreen purpose="not_me" token={token} title={t.notMe.title}>
      {done ? (
        <Notice>{t.notMe.done}</Notice>
      ) : (
        <>
          <p>{t.notMe.intro}</p>
          <ErrorMessage>{error ? errorText(error) : null}</ErrorMessage>
          <button type="button" className="button" disabled={pending} onClick={() => void report()}>
            {t.notMe.submit}
          </button>
        </>
      )}
    </MailedLinkScreen>
  );
}
