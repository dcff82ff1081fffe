import { useCallback, useEffect, useState } from 'react';
import { portalApi } from '../api/portal-api';
import { HelpRequest } from '../api/types';
import { useDateFormat, useErrorText, useT } from '../i18n/language';
import { ErrorMessage, Notice } from '../ui/Alerts';
import { Pending } from '../ui/Pending';
import { Screen } from '../ui/Screen';
import { useAction } from '../ui/use-action';
import { DisableTwoFactor } from './DisableTwoFactor';

/** The open "no access to the app" requests of this company, each with the admin's way to disable 2FA. */
export function HelpRequestsScreen() {
  const t = useT();
  const errorText = useErrorText();
  const formatDate = useDateFormat();
  const [requests, setRequests] = useState<HelpRequest[] | null>(null);
  const [disabledFor, setDisabledFor] = useState<string | null>(null);
  const loading = useAction();

  const load = useCallback(() => loading.run(async () => setRequests(await portalApi.admin.helpRequests())), [loading.run]);
  useEffect(() => {
    void load();
  }, [load]);

  const disabled = async (name: string) => {
    setDisabledFor(name);
    await load();
  };

  return (
    <Screen title={t.helpRequests.title}>
      <p>{t.helpRequests.intro}</p>
      <Notice>{disabledFor && t.helpRequests.disabled(disabledFor)}</Notice>
      {!requests ? (
        <Pending failure={loading.error} />
      ) : requests.length === 0 ? (
        <p className="empty">{t.helpRequests.none}</p>
      ) : (
        <ul className="requests">
          {requests.map((request) => (
            <li key={request.id} className="request">
              <h2>{request.user.name}</h2>
              <p className="hint">
                {request.user.email} · {t.helpRequests.askedOn(formatDate(request.createdAt))}
              </p>
              {request.message ? <blockquote>{request.message}</blockquote> : <p className="hint">{t.helpRequests.noMessage}</p>}
              <DisableTwoFactor person={request.user} onDisabled={() => void disabled(request.user.name)} />
            </li>
          ))}
        </ul>
      )}
      <ErrorMessage>{requests && loading.error ? errorText(loading.error) : null}</ErrorMessage>
    </Screen>
  );
}
