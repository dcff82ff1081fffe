import { FormEvent, useState } from 'react';
import { portalApi } from '../api/portal-api';
import { SessionView } from '../api/types';
import { useDateFormat, useErrorText, useT } from '../i18n/language';
import { ErrorMessage, Notice } from '../ui/Alerts';
import { Field } from '../ui/Field';
import { NewPasswordFields } from '../ui/NewPasswordFields';
import { Screen } from '../ui/Screen';
import { useAction } from '../ui/use-action';

/**
 * Change of one's own password: this session stays, mobile devices end, and
 * the other web sessions end unless the user unticks it; then they are
 * listed, each with its way out (ASVS 5.0 7.4.3).
 */
export function PasswordScreen() {
  const t = useT();
  const errorText = useErrorText();
  const { run, error } = useAction();
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [changed, setChanged] = useState(false);
  const [endOthers, setEndOthers] = useState(true);
  const [kept, setKept] = useState<SessionView[]>([]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChanged(false);
    setKept([]);
    setMismatch(password !== confirmation);
    if (password !== confirmation) return;
    void run(async () => {
      const answer = await portalApi.me.changePassword(current, password, endOthers);
      setKept(answer?.otherSessions ?? []);
      setCurrent('');
      setPassword('');
      setConfirmation('');
      setChanged(true);
    });
  };

  return (
    <Screen title={t.password.title}>
      <p>{t.password.intro}</p>
      <Notice>{changed && (kept.length > 0 ? t.password.kept : t.password.done)}</Notice>
      {kept.length > 0 && <KeptSessions sessions={kept} onEnded={(id) => setKept(kept.filter((session) => session.id !== id))} />}
      <form onSubmit={submit}>
        <Field
          label={t.password.current}
          type="password"
          autoComplete="current-password"
          required
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
        />
        <NewPasswordFields password={password} confirmation={confirmation} onPassword={setPassword} onConfirmation={setConfirmation} />
        <label className="checkbox">
          <input type="checkbox" checked={endOthers} onChange={(e) => setEndOthers(e.target.checked)} />
          {t.password.endOthers}
        </label>
        <ErrorMessage>
          {mismatch ? t.common.passwordsDiffer : error ? errorText(error, { invalid_credentials: t.password.wrongCurrent }) : null}
        </ErrorMessage>
        <button type="submit" className="button">
          {t.password.submit}
        </button>
      </form>
    </Screen>
  );
}

/** The web sessions the user kept, each with "Déconnecter". */
function KeptSessions({ sessions, onEnded }: { sessions: SessionView[]; onEnded: (id: string) => void }) {
  const t = useT();
  const formatDate = useDateFormat();
  const errorText = useErrorText();
  const { run, error } = useAction();
  const end = (id: string) =>
    run(async () => {
      await portalApi.me.endSession(id);
      onEnded(id);
    });
  return (
    <>
      <ErrorMessage>{error ? errorText(error) : null}</ErrorMessage>
      <ul className="sessions">
        {sessions.map((session) => {
          const what = session.device ?? t.sessions.web;
          const since = formatDate(session.createdAt);
          return (
            <li key={session.id} className="session">
              <p className="session-kind">{what}</p>
              <p className="hint">
                {t.sessions.since(since)}
                {session.address && ` · ${t.sessions.address(session.address)}`}
              </p>
              <button type="button" className="button button-secondary" aria-label={t.sessions.endLabel(what, since)} onClick={() => void end(session.id)}>
                {t.sessions.end}
              </button>
            </li>
          );
        })}
      </ul>
    </>
  );
}
