import { useCallback, useEffect, useState } from 'react';
import { portalApi } from '../api/portal-api';
import { AuditEntry } from '../api/types';
import { useDateFormat, useT } from '../i18n/language';
import { Pending } from '../ui/Pending';
import { Screen } from '../ui/Screen';
import { useAction } from '../ui/use-action';

/** What GET /api/admin/audit answers at most: a shorter page is the last. */
const PAGE = 200;

/** This company's audit trail, newest first, as the API answers it, a page at a time back to its start. */
export function AuditScreen() {
  const t = useT();
  const formatDate = useDateFormat();
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [more, setMore] = useState(false);
  const { run, pending, error } = useAction();

  const readPage = useCallback(
    (before?: AuditEntry) =>
      run(async () => {
        const page = await portalApi.admin.audit(before?.id);
        setEntries((shown) => [...(before ? (shown ?? []) : []), ...page]);
        setMore(page.length === PAGE);
      }),
    [run],
  );

  useEffect(() => {
    void readPage();
  }, [readPage]);

  return (
    <Screen title={t.audit.title}>
      <p>{t.audit.intro}</p>
      {!entries ? (
        <Pending failure={error} />
      ) : entries.length === 0 ? (
        <p className="empty">{t.audit.none}</p>
      ) : (
        <>
          <p className="hint scroll-hint" id="audit-scroll-hint">
            {t.audit.scrollHint}
          </p>
          <div className="table-scroll" tabIndex={0} role="region" aria-label={t.audit.title} aria-describedby="audit-scroll-hint">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t.audit.when}</th>
                  <th scope="col">{t.audit.actor}</th>
                  <th scope="col">{t.audit.action}</th>
                  <th scope="col">{t.audit.target}</th>
                  <th scope="col">{t.audit.reason}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((entry) => (
                  <tr key={entry.id}>
                    <td>{formatDate(entry.at)}</td>
                    {/* No actor: a member's factor turned off by herself or by another company at her request (told alike), or the operator changing the portal itself (no target). */}
                    <td>{entry.actor?.name ?? (entry.target ? t.audit.clientOrAtTheirRequest : t.audit.operator)}</td>
                    <td>{t.audit.actions[entry.action] ?? entry.action}</td>
                    <td>{entry.target?.name ?? t.audit.thePortal}</td>
                    <td>{entry.reason ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {more && (
            <button type="button" className="button button-secondary" disabled={pending} onClick={() => void readPage(entries.at(-1))}>
              {t.audit.older}
            </button>
          )}
          {/* Shown with the entries: only a later page failed. */}
          {error ? <Pending failure={error} /> : null}
        </>
      )}
    </Screen>
  );
}
