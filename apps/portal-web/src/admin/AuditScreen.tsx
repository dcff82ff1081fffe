import { useEffect, useState } from 'react';
import { portalApi } from '../api/portal-api';
import { AuditEntry } from '../api/types';
import { useDateFormat, useT } from '../i18n/language';
import { Pending } from '../ui/Pending';
import { Screen } from '../ui/Screen';
import { useAction } from '../ui/use-action';

/** This company's audit trail, newest first, as the API answers it. */
export function AuditScreen() {
  const t = useT();
  const formatDate = useDateFormat();
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const { run, error } = useAction();

  useEffect(() => {
    void run(async () => setEntries(await portalApi.admin.audit()));
  }, [run]);

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
                {entries.map((entry, index) => (
                  <tr key={`${entry.at}-${index}`}>
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
        </>
      )}
    </Screen>
  );
}
