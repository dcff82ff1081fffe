import { useCallback, useEffect, useState } from 'react';
import { portalApi } from '../api/portal-api';
import { SessionView } from '../api/types';
import { useDateFormat, useErrorText, useT } from '../i18n/language';
import { ErrorMessage, Notice } from '../ui/Alerts';
import { Pending } from '../ui/Pending';
import { Screen } from '../ui/Screen';
import { useAction } from '../ui/use-action';
import { factorsLabel } from './session-factors';
import { TrustedBrowsers } from './TrustedBrowsers';

/** Web sessions and mobile devices, with what opened each, and each but this one with a way to end it. */
export function SessionsScreen() {
  const t = useT();
  const errorText = useErrorText();
  const formatDate = useDateFormat();
  const [sessions, setSessions] = useState<SessionView[] | null>(null);
  const [ended, setEnded] = useState<'one' | 'others' | null>(null);
  const loading = useAction();
  const ending = useAction();

  const load = useCallback(() => loading.run(async () => setSessions(await portalApi.me.sessions())), [loading.run]);
  useEffect(() => {
    void load();
  }, [load]);

  const end = (id: string) =>
    ending.run(async () => {
      await portalApi.me.endSession(id);
      setEnded('one');
      await load();
    });

  const endOthers = () =>
    ending.run(async () => {
      await portalApi.me.endOtherSessions();
      setEnded('others');
      await load();
    });
  const othersOnWeb = sessions?.some((session) => session.kind === 'web' && !session.current) ?? false;

  return (
    <Screen title={t.sessions.title}>
      <p>{t.sessions.intro}</p>
      <Notice>{ended && (ended === 'one' ? t.sessions.ended : t.sessions.endedOthers)}</Notice>
      <ErrorMessage>{ending.error ? errorText(ending.error) : null}</ErrorMessage>
      {!sessions ? (
        <Pending failure={loading.error} />
      ) : (
        <ul className="sessions">
          {sessions.map((session) => {
            const what = session.kind === 'web' ? (session.device ?? t.sessions.web) : t.sessions.mobile;
            const since = formatDate(session.createdAt);
            const factors = factorsLabel(session.factors, t.sessions.factorNames);
            return (
              <li key={session.id} className="session">
                <p className="session-kind">
                  {what}
                  {session.current && <span className="tag">{t.sessions.current}</span>}
                </p>
                <p className="hint">
                  {t.sessions.since(since)} · {t.sessions.lastSeen(formatDate(session.lastSeenAt))}
                  {session.address && ` · ${t.sessions.address(session.address)}`}
                </p>
                {factors && <p className="hint">{t.sessions.openedWith(factors)}</p>}
                {!session.endableHere && <p className="hint">{t.sessions.deviceElsewhere}</p>}
                {!session.current && session.endableHere && (
                  <button type="button" className="button button-secondary" aria-label={t.sessions.endLabel(what, since)} onClick={() => void end(session.id)}>
                    {t.sessions.end}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {othersOnWeb && (
        <button type="button" className="button button-secondary" onClick={() => void endOthers()}>
          {t.sessions.endOthers}
        </button>
      )}
      <TrustedBrowsers />
    </Screen>
  );
}
