import { useCallback, useEffect, useState } from 'react';
import { portalApi } from '../api/portal-api';
import { TrustedBrowser } from '../api/types';
import { useDateFormat, useErrorText, useT } from '../i18n/language';
import { ErrorMessage, Notice } from '../ui/Alerts';
import { Pending } from '../ui/Pending';
import { useAction } from '../ui/use-action';

/** The browsers that skip the code step, on the sessions page: each can be forgotten, or all at once. */
export function TrustedBrowsers() {
  const t = useT();
  const errorText = useErrorText();
  const formatDate = useDateFormat();
  const [browsers, setBrowsers] = useState<TrustedBrowser[] | null>(null);
  const [forgotten, setForgotten] = useState<'one' | 'all' | null>(null);
  const loading = useAction();
  const forgetting = useAction();

  const load = useCallback(() => loading.run(async () => setBrowsers(await portalApi.me.trustedBrowsers())), [loading.run]);
  useEffect(() => {
    void load();
  }, [load]);

  const forget = (id: string | null) =>
    forgetting.run(async () => {
      await (id ? portalApi.me.forgetBrowser(id) : portalApi.me.forgetAllBrowsers());
      setForgotten(id ? 'one' : 'all');
      await load();
    });

  return (
    <section aria-labelledby="trusted-browsers">
      <h2 id="trusted-browsers">{t.trustedBrowsers.title}</h2>
      <p>{t.trustedBrowsers.intro}</p>
      <Notice>{forgotten && (forgotten === 'one' ? t.trustedBrowsers.forgotten : t.trustedBrowsers.forgottenAll)}</Notice>
      <ErrorMessage>{forgetting.error ? errorText(forgetting.error) : null}</ErrorMessage>
      {!browsers ? (
        <Pending failure={loading.error} />
      ) : browsers.length === 0 ? (
        <p className="empty">{t.trustedBrowsers.none}</p>
      ) : (
        <>
          <ul className="sessions">
            {browsers.map((browser) => {
              const what = browser.device ?? t.trustedBrowsers.unknown;
              const since = formatDate(browser.createdAt);
              return (
                <li key={browser.id} className="session">
                  <p className="session-kind">
                    {what}
                    {browser.current && <span className="tag">{t.trustedBrowsers.thisOne}</span>}
                  </p>
                  <p className="hint">{t.trustedBrowsers.until(since, formatDate(browser.expiresAt))}</p>
                  <button
                    type="button"
                    className="button button-secondary"
                    aria-label={t.trustedBrowsers.forgetLabel(what, since)}
                    onClick={() => void forget(browser.id)}
                  >
                    {t.trustedBrowsers.forget}
                  </button>
                </li>
              );
            })}
          </ul>
          <button type="button" className="button button-secondary" onClick={() => void forget(null)}>
            {t.trustedBrowsers.forgetAll}
          </button>
        </>
      )}
    </section>
  );
}
