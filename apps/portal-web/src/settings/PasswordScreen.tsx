import { FormEvent, useState } from 'react';
import { portalApi } from '../api/portal-api';
import { useErrorText, useT } from '../i18n/language';
import { ErrorMessage, Notice } from '../ui/Alerts';
import { Field } from '../ui/Field';
import { NewPasswordFields } from '../ui/NewPasswordFields';
import { Screen } from '../ui/Screen';
import { useAction } from '../ui/use-action';

/** Change of one's own password: every other session and device ends, this one stays. */
export function PasswordScreen() {
  const t = useT();
  const errorText = useErrorText();
  const { run, error } = useAction();
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [changed, setChanged] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChanged(false);
    setMismatch(password !== confirmation);
    if (password !== confirmation) return;
    void run(async () => {
      await portalApi.me.changePassword(current, password);
      setCurrent('');
      setPassword('');
      setConfirmation('');
      setChanged(true);
    });
  };

  return (
    <Screen title={t.password.title}>
      <p>{t.password.intro}</p>
      <Notice>{changed && t.password.done}</Notice>
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
