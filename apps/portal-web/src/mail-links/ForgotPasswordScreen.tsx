import { FormEvent, useState } from 'react';
import { portalApi } from '../api/portal-api';
import { useErrorText, useT } from '../i18n/language';
import { Link } from '../routing/router';
import { ErrorMessage, Notice } from '../ui/Alerts';
import { Field } from '../ui/Field';
import { Screen } from '../ui/Screen';
import { useAction } from '../ui/use-action';

/** The API answers 202 whether or not the email is known: so does this screen. */
export function ForgotPasswordScreen() {
  const t = useT();
  const errorText = useErrorText();
  const { run, error } = useAction();
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await portalApi.mailLinks.forgotPassword(email.trim());
      setSent(true);
    });
  };

  return (
    <Screen title={t.forgot.title}>
      <p>{t.forgot.intro}</p>
      <Notice>{sent && t.forgot.sent}</Notice>
      <form onSubmit={submit}>
        <Field label={t.common.email} type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
        <ErrorMessage>{error ? errorText(error) : null}</ErrorMessage>
        <button type="submit" className="button">
          {t.forgot.submit}
        </button>
      </form>
      <p className="links">
        <Link to="/sign-in">{t.common.backToSignIn}</Link>
      </p>
    </Screen>
  );
}
