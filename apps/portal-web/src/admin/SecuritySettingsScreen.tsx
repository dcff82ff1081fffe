import { FormEvent, useEffect, useState } from 'react';
import { portalApi } from '../api/portal-api';
import { useErrorText, useT } from '../i18n/language';
import { ErrorMessage, Notice } from '../ui/Alerts';
import { Field } from '../ui/Field';
import { Pending } from '../ui/Pending';
import { Screen } from '../ui/Screen';
import { useAction } from '../ui/use-action';

/** The company's security settings: for now, how long a trusted browser skips the code. */
export function SecuritySettingsScreen() {
  const t = useT();
  const errorText = useErrorText();
  const [days, setDays] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const loading = useAction();
  const saving = useAction();

  useEffect(() => {
    void loading.run(async () => setDays(String((await portalApi.admin.security()).trustedBrowserDays)));
  }, [loading.run]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    void saving.run(async () => {
      const stored = await portalApi.admin.setSecurity({ trustedBrowserDays: Number(days) });
      setDays(String(stored.trustedBrowserDays));
      setSaved(true);
    });
  };

  return (
    <Screen title={t.securitySettings.title}>
      {days === null ? (
        <Pending failure={loading.error} />
      ) : (
        <form onSubmit={submit}>
          <Field
            label={t.securitySettings.trustedDaysLabel}
            hint={t.securitySettings.trustedDaysHint}
            type="number"
            inputMode="numeric"
            min={0}
            max={30}
            step={1}
            required
            value={days}
            onChange={(e) => setDays(e.target.value)}
          />
          <Notice>{saved && t.securitySettings.saved}</Notice>
          <ErrorMessage>{saving.error ? errorText(saving.error) : null}</ErrorMessage>
          <button type="submit" className="button">
            {t.securitySettings.save}
          </button>
        </form>
      )}
    </Screen>
  );
}
