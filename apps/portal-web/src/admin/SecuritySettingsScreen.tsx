import { FormEvent, useEffect, useState } from 'react';
import { portalApi } from '../api/portal-api';
import { SecuritySettings } from '../api/types';
import { useErrorText, useT } from '../i18n/language';
import { ErrorMessage, Notice } from '../ui/Alerts';
import { Field } from '../ui/Field';
import { Pending } from '../ui/Pending';
import { Screen } from '../ui/Screen';
import { useAction } from '../ui/use-action';

type Form = Record<keyof SecuritySettings, string>;

const formOf = (settings: SecuritySettings): Form => ({
  trustedBrowserDays: String(settings.trustedBrowserDays),
  sessionIdleMinutes: settings.sessionIdleMinutes === null ? '' : String(settings.sessionIdleMinutes),
  sessionAbsoluteHours: settings.sessionAbsoluteHours === null ? '' : String(settings.sessionAbsoluteHours),
});

/** An empty lifetime is the deployment's. */
const lifetime = (value: string): number | null => (value.trim() === '' ? null : Number(value));

/** The company's security settings: trusted-browser days, and shorter web sessions. */
export function SecuritySettingsScreen() {
  const t = useT();
  const errorText = useErrorText();
  const [form, setForm] = useState<Form | null>(null);
  const [saved, setSaved] = useState(false);
  const loading = useAction();
  const saving = useAction();

  useEffect(() => {
    void loading.run(async () => setForm(formOf(await portalApi.admin.security())));
  }, [loading.run]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!form) return;
    setSaved(false);
    void saving.run(async () => {
      const stored = await portalApi.admin.setSecurity({
        trustedBrowserDays: Number(form.trustedBrowserDays),
        sessionIdleMinutes: lifetime(form.sessionIdleMinutes),
        sessionAbsoluteHours: lifetime(form.sessionAbsoluteHours),
      });
      setForm(formOf(stored));
      setSaved(true);
    });
  };

  const change = (setting: keyof Form) => (e: { target: { value: string } }) => form && setForm({ ...form, [setting]: e.target.value });
  const number = { type: 'number', inputMode: 'numeric', step: 1 } as const;

  return (
    <Screen title={t.securitySettings.title}>
      {form === null ? (
        <Pending failure={loading.error} />
      ) : (
        <form onSubmit={submit}>
          <Field
            label={t.securitySettings.trustedDaysLabel}
            hint={t.securitySettings.trustedDaysHint}
            {...number}
            min={0}
            max={30}
            required
            value={form.trustedBrowserDays}
            onChange={change('trustedBrowserDays')}
          />
          <Field label={t.securitySettings.idleLabel} hint={t.securitySettings.lifetimesHint} {...number} min={1} value={form.sessionIdleMinutes} onChange={change('sessionIdleMinutes')} />
          <Field label={t.securitySettings.absoluteLabel} {...number} min={1} value={form.sessionAbsoluteHours} onChange={change('sessionAbsoluteHours')} />
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
