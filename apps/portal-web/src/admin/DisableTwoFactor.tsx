import { FormEvent, useEffect, useRef, useState } from 'react';
import { portalApi } from '../api/portal-api';
import { Person } from '../api/types';
import { useErrorText, useT } from '../i18n/language';
import { ErrorMessage } from '../ui/Alerts';
import { TextAreaField } from '../ui/Field';
import { useAction } from '../ui/use-action';

/** The admin's "disable 2FA": a button that opens a form asking for the reason, kept in the audit trail. */
export function DisableTwoFactor({ person, onDisabled }: { person: Person; onDisabled(): void }) {
  const t = useT();
  const errorText = useErrorText();
  const { run, error } = useAction();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (asking) form.current?.querySelector('textarea')?.focus();
  }, [asking]);

  if (!asking) {
    return (
      <button type="button" className="button button-secondary" onClick={() => setAsking(true)}>
        {t.helpRequests.disable}
      </button>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await portalApi.admin.disableTotp(person.id, reason.trim() || undefined);
      onDisabled();
    });
  };

  return (
    <form ref={form} className="inline-form" onSubmit={submit}>
      <TextAreaField label={t.helpRequests.reasonLabel} hint={t.helpRequests.reasonHint} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />
      <ErrorMessage>{error ? errorText(error) : null}</ErrorMessage>
      <div className="actions">
        <button type="submit" className="button button-danger">
          {t.helpRequests.confirm(person.name)}
        </button>
        <button type="button" className="button button-secondary" onClick={() => setAsking(false)}>
          {t.common.cancel}
        </button>
      </div>
    </form>
  );
}
