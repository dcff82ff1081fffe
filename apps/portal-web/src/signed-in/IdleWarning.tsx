import { useEffect, useRef, useState } from 'react';
import { lastAnsweredAt } from '../api/http';
import { useT } from '../i18n/language';
import { useMe } from './me-context';

/** How long before the idle end the warning shows, and how often it is looked at. */
const WARN_MS = 60_000;
const TICK_MS = 1_000;

/**
 * A minute before the session ends for want of activity (the company's idle
 * minutes, or the deployment's), a dialog offers to stay signed in; staying
 * is one call, which the gateway answers by sliding the session. Past the
 * end, the next call finds no session and the portal goes back to sign-in.
 */
export function IdleWarning() {
  const t = useT();
  const { me, reload } = useMe();
  const dialog = useRef<HTMLDialogElement>(null);
  const [warning, setWarning] = useState(false);
  const idleMs = (me.idleMinutes ?? 0) * 60_000;

  useEffect(() => {
    if (idleMs === 0) return undefined;
    const timer = setInterval(() => {
      const left = idleMs - (Date.now() - lastAnsweredAt());
      if (left <= 0) void reload();
      setWarning(left > 0 && left <= WARN_MS);
    }, TICK_MS);
    return () => clearInterval(timer);
  }, [idleMs, reload]);

  useEffect(() => {
    if (warning && !dialog.current?.open) dialog.current?.showModal();
    if (!warning && dialog.current?.open) dialog.current.close();
  }, [warning]);

  return (
    <dialog ref={dialog} className="card reauthentication" aria-labelledby="idle-title" onCancel={() => void reload()}>
      <h2 id="idle-title">{t.idle.title}</h2>
      <p>{t.idle.text}</p>
      <button type="button" className="button" onClick={() => void reload().then(() => setWarning(false))}>
        {t.idle.stay}
      </button>
    </dialog>
  );
}
